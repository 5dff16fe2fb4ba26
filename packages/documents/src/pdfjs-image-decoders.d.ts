// pdfjs-dist ships its standalone image decoders without types; this is the part jpeg2000.ts uses.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpxImage {
    static setOptions(options: {
      handler: { sendWithPromise(action: string, data: { kind: string; filename: string }): Promise<Uint8Array> };
      useWasm: boolean;
      useWorkerFetch: boolean;
      wasmUrl: string;
    }): void;
    /**
     * Pixels interleaved, 8 bits a sample, as many samples a pixel as the image has components (a
     * palette applied); RGBA with `smaskInData` and `numComponents: 0`. Undefined where the
     * wrapper has no conversion for the components (grey with alpha, without `smaskInData`).
     */
    static decode(
      bytes: Uint8Array,
      options?: { numComponents?: number; reducePower?: number; smaskInData?: boolean },
    ): Promise<Uint8Array | Uint8ClampedArray | undefined>;
    /** Drops the OpenJPEG instance; the next decode makes a new one. */
    static cleanup(): void;
  }
}
