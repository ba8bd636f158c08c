/**
 * Discord's limits, in one table: every renderer, form and command builder of this adapter
 * reads them here. Values from Discord's developer docs (resources/message,
 * interactions/application-commands, interactions/receiving-and-responding,
 * components/reference), which are stricter than the OpenAPI spec (discord-api-spec) in three
 * places (content, modal components, choice values): the docs win. "Characters" are counted
 * as UTF-16 units (the conservative reading), and text is never cut inside a character.
 */
export const LIMITS = {
  /** Message content (message resource: 2,000 characters). */
  content: 2000,
  /** Embed title (embed limits: 256). */
  title: 256,
  /** Embed description (embed limits: 4,096). */
  description: 4096,
  /** Fields per embed (embed limits: 25). */
  fields: 25,
  /** Field name (embed limits: 256). */
  fieldName: 256,
  /** Field value (embed limits: 1,024). */
  fieldValue: 1024,
  /** Embeds per message (message resource: 10). */
  embedsPerMessage: 10,
  /** All embed characters of one message together (embed limits: 6,000). */
  embedCharsPerMessage: 6000,
  /** Files (attachments) per message (message resource: 10). */
  filesPerMessage: 10,
  /** Attachment description, used as alt text (attachment object: 1,024). */
  attachmentDescription: 1024,
  /** Command description and option description (application commands: 1–100). */
  commandDescription: 100,
  /** Options per command (application commands: 25). */
  options: 25,
  /** Choices per option (application commands: 25). */
  choices: 25,
  /** Choice name (application commands: 1–100). */
  choiceName: 100,
  /** Choice value for strings (docs: up to 100). */
  choiceValue: 100,
  /** Autocomplete results (receiving and responding: 25). */
  autocompleteResults: 25,
  /** A string option's max_length (application commands: at most 6,000). */
  optionMaxLength: 6000,
  /** Modal title (receiving and responding: 45). */
  modalTitle: 45,
  /** Components in a modal (docs: 1–5). */
  modalComponents: 5,
  /** A label's text in a modal (components reference: 45). */
  label: 45,
  /** A text input's or select's placeholder (components reference: 100 for text inputs, 150 for selects; 100 is safe for both). */
  placeholder: 100,
  /** A text input's value and max_length (components reference: 4,000). */
  textInput: 4000,
  /** Options in a string select (components reference: 25). */
  selectOptions: 25,
  /** A select option's label and value (components reference: 100 each). */
  selectOptionLabel: 100,
  /** custom_id of a component or modal (components reference: 100). */
  customId: 100,
  /** A button's label (components reference: 80). */
  buttonLabel: 80,
  /**
   * Messages one reply may send. Not Discord's limit but ours: one mention once made 11
   * public messages (a listing of problems); three messages of up to 6,000 embed characters
   * hold any real answer, and the rest is better asked more narrowly.
   */
  messagesPerReply: 3,
} as const;
