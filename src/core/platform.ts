/** The platforms a message can come from: a leaf module, so anything may name them without importing more. */
export type Platform = 'console' | 'slack' | 'discord';
