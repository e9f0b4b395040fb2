/** The part of Eleventy's programmatic API that src/build.ts uses (Eleventy ships no type declarations). */
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
