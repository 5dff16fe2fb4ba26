import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePage, heicLabel, inkFraction, meanAbsoluteDifference, textPage, turnedHeif } from './fixtures/index.ts';
import { decodeHeic } from './heic.ts';

describe('decodeHeic', () => {
  it('decodes an HEIC photo to the RGB page it holds', async () => {
    const image = await decodeHeic(heicLabel.bytes());
    expect(image).toMatchObject({ width: heicLabel.width, height: heicLabel.height, channels: 3 });
    expect(image.data).toHaveLength(heicLabel.width * heicLabel.height * 3);
    // The page it was encoded from, rendered again: lossy HEVC comes close to it.
    const page = await textPage(heicLabel.text, { width: 720, height: 160, fontSize: 40 });
    expect(meanAbsoluteDifference(image, { data: page.rgba, channels: 4 })).toBeLessThan(4);
    expect(inkFraction(image, page.textBox)).toBeGreaterThan(0.02);
  });

  it('turns the photo as its irot property says, as a phone marks a picture taken upright', async () => {
    const upright = await decodeHeic(heicLabel.bytes());
    const turned = await decodeHeic(turnedHeif(heicLabel.bytes(), 1));
    expect(turned).toMatchObject({ width: heicLabel.height, height: heicLabel.width });
    // irot turns anticlockwise; sharp's rotate clockwise.
    const expected = await sharp(upright.data, { raw: { width: upright.width, height: upright.height, channels: 3 } }).rotate(270).raw().toBuffer();
    expect(Buffer.from(turned.data).equals(expected)).toBe(true);
  });

  it('refuses a cut-short or damaged file as corrupt, and then decodes the next one', async () => {
    const whole = heicLabel.bytes();
    await expect(decodeHeic(whole.subarray(0, 3000))).rejects.toMatchObject({ code: 'corrupt_image', message: /cannot be decoded/ });
    const damaged = whole.slice();
    damaged.fill(0xff, 16, 400);
    await expect(decodeHeic(damaged)).rejects.toMatchObject({ code: 'corrupt_image' });
    expect((await decodeHeic(whole)).width).toBe(heicLabel.width);
  });

  it('refuses HEIF coded other than in HEVC (AV1 here, branded as HEIF only) as a format it does not read', async () => {
    const avif = Buffer.from(await encodePage(await textPage('AV1', { width: 200, height: 80 }), 'avif'));
    // The ftyp box's brands rewritten to HEIF's codec-neutral mif1, as a camera might write them.
    const ftypSize = avif.readUInt32BE(0);
    for (let at = 8; at + 4 <= ftypSize; at += 4) if (at !== 12) avif.write('mif1', at, 'latin1');
    await expect(decodeHeic(avif)).rejects.toMatchObject({ code: 'unsupported_format', message: /does not decode/ });
  });
});
