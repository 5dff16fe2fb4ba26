// libheif-js ships its Emscripten module without package types; this is the part heic.ts uses.
declare module 'libheif-js/libheif-wasm/libheif-bundle.js' {
  /** An enum value as embind hands it out: compare by `value`. */
  interface HeifEnum {
    value: number;
  }
  /** A failure, as the calls below answer instead of their result. */
  interface HeifError {
    code: HeifEnum;
    message: string;
  }
  interface HeifContext {
    readonly __brand: 'context';
  }
  interface HeifImageHandle {
    readonly __brand: 'handle';
  }
  interface HeifImage {
    readonly __brand: 'image';
  }
  /** A plane of a decoded image; `data` is a view into the module's heap, valid until the image is released. */
  interface HeifPlane {
    id: HeifEnum;
    width: number;
    height: number;
    stride: number;
    data: Uint8Array;
  }
  interface DecodedImage {
    image: HeifImage;
    width: number;
    height: number;
    channels: HeifPlane[];
  }
  interface LibHeif {
    heif_error_code: { heif_error_Ok: HeifEnum };
    heif_colorspace: { heif_colorspace_RGB: HeifEnum };
    heif_chroma: { heif_chroma_interleaved_RGB: HeifEnum };
    heif_channel: { heif_channel_interleaved: HeifEnum };
    heif_context_alloc(): HeifContext;
    heif_context_free(context: HeifContext): void;
    /** Copies the bytes into the module's heap and parses the file's boxes. */
    heif_context_read_from_memory(context: HeifContext, bytes: Uint8Array): HeifError;
    heif_context_get_primary_image_handle(context: HeifContext): HeifImageHandle | HeifError;
    heif_image_handle_release(handle: HeifImageHandle): void;
    /** Decodes with the file's rotation, mirroring and crop applied. */
    heif_js_decode_image2(handle: HeifImageHandle, colorspace: HeifEnum, chroma: HeifEnum): Promise<DecodedImage | HeifError>;
    heif_image_release(image: HeifImage): void;
  }
  /** Instantiates the module (its WebAssembly is inlined and compiled at once): ~10–20 ms. */
  function libheif(): LibHeif;
  namespace libheif {
    export type Module = LibHeif;
    export type Failure = HeifError;
  }
  export = libheif;
}
