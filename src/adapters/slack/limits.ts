/**
 * Slack's limits, in one table: every renderer and form builder of this adapter reads them
 * here. Values from Slack's own docs (docs.slack.dev: Block Kit reference, chat.postMessage,
 * files.getUploadURLExternal), checked against @slack/types. "Characters" are counted as
 * UTF-16 units (the conservative reading), and text is never cut inside a character.
 */
export const LIMITS = {
  /** Blocks in one message (Block Kit reference: "up to 50 blocks in each message"). */
  blocksPerMessage: 50,
  /** Blocks in a modal or a Home tab view (Block Kit reference: "up to 100 blocks"). */
  blocksPerView: 100,
  /** A section block's text (section block reference: "Maximum length for this field is 3000 characters"). */
  sectionText: 3000,
  /** A header block's plain_text (header block reference: 150 characters). */
  headerText: 150,
  /** Elements in a context block (context block reference: "Maximum number of items is 10"). */
  contextElements: 10,
  /** A button's text (button element reference: 75 characters). */
  buttonText: 75,
  /** A button's value (button element reference: 2000 characters). */
  buttonValue: 2000,
  /** action_id and block_id (element and block references: 255 characters). */
  actionId: 255,
  /** An option's text and value: the docs say 150 for the value, @slack/types' comment 75; 75 is safe for both. */
  optionText: 75,
  /** Options in a static select (static select reference: "Maximum number of options is 100"). */
  selectOptions: 100,
  /** A modal's title, submit and close texts (view object reference: 24 characters). */
  modalTitle: 24,
  /** An input block's label (input block reference: 2000 characters). */
  inputLabel: 2000,
  /** An input block's hint (input block reference: 2000 characters). */
  inputHint: 2000,
  /** A plain_text_input's max_length (plain-text input reference: at most 3000). */
  textInput: 3000,
  /** A placeholder (plain-text input reference: 150 characters). */
  placeholder: 150,
  /** A view's private_metadata (view object reference: 3000 characters). */
  privateMetadata: 3000,
  /**
   * chat.postMessage `text`: truncated past 40,000 characters (method docs); kept far below,
   * at the section size, because it is only the notification and screen-reader fallback.
   */
  fallbackText: 3000,
  /** Image alt text, `alt_txt` of files.getUploadURLExternal (error alt_txt_too_large past 1,000). */
  altText: 1000,
  /**
   * Block text in one message. Not documented: Slack refuses a message with roughly 12–13k
   * characters of text across its blocks (`msg_blocks_too_long`, bolt-js issues #2509 and
   * #2867), whatever the per-block limits say; 12,000 stays under it (it is also the
   * documented size of one markdown block).
   */
  blockTextPerMessage: 12000,
  /**
   * Messages one reply may send. Not Slack's limit but ours: a reply that needs more is
   * better asked more narrowly, and a channel is not flooded (Discord: 3, with larger messages).
   */
  messagesPerReply: 4,
  /**
   * Messages sent through one response_url: Slack accepts five; one is kept free for
   * "Share in channel".
   */
  responseUrlMessages: 4,
} as const;
