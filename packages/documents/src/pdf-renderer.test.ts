import { describe, expect, it } from 'vitest';
import { allPages, drawingBombPdf, inkFraction, latinTextPdf, writePdf } from './fixtures/index.ts';
import { openDocument } from './open.ts';
import { startPdfRenderer } from './pdf-renderer.ts';

describe('PDF rendering in its own thread', () => {
  it('stops a page past its time budget, and the next document renders in a fresh thread', async () => {
    // About 20 s of work: only a watch whose timer runs while the page renders can stop it. On a
    // loaded machine parsing this PDF can itself pass 1 s, and the same watch stops the opening.
    const render = async () => {
      const doc = await openDocument(drawingBombPdf(1_200_000), { renderBudget: { seconds: 1, megabytes: 8192 } });
      try {
        return await allPages(doc);
      } finally {
        await doc.close();
      }
    };
    await expect(render()).rejects.toMatchObject({
      code: 'page_too_complex',
      message: expect.stringMatching(/^(Page 1|Opening the PDF) took more than 1 s/),
    });
    const pages = await allPages(await openDocument(latinTextPdf(2), { dpi: 72 }));
    expect(pages.map((p) => [p.page, p.image.width, p.image.height])).toEqual([
      [1, 595, 842],
      [2, 595, 842],
    ]);
  });

  it('starts its thread ahead of the first PDF when asked, and a fresh one after a thread was stopped', async () => {
    await startPdfRenderer();
    const doc = await openDocument(drawingBombPdf(1_200_000), { renderBudget: { seconds: 1, megabytes: 8192 } });
    await expect(allPages(doc)).rejects.toMatchObject({ code: 'page_too_complex' });
    await doc.close();
    await startPdfRenderer();
    const pages = await allPages(await openDocument(latinTextPdf(1), { dpi: 72 }));
    expect(pages.map((p) => [p.page, p.image.width, p.image.height])).toEqual([[1, 595, 842]]);
  });

  it('stops a page that grows the process past its memory budget', async () => {
    const doc = await openDocument(drawingBombPdf(1_200_000), { renderBudget: { seconds: 600, megabytes: 200 } });
    await expect(allPages(doc)).rejects.toMatchObject({ code: 'page_too_complex', message: expect.stringContaining('more than 200 MB') });
    await doc.close();
  });

  it('renders the readable page of a PDF whose page tree holds a damaged object', async () => {
    // The tree counts one page but lists two kids, as in a damaged file. pdfjs fetches the second
    // kid ahead while finding page 1 and never awaits it: its failure was an unhandled rejection,
    // which ended the thread and failed the document.
    const pdf = writePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 1 >>' },
        { value: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
        { value: '<< >>', stream: new TextEncoder().encode('BT /F1 24 Tf 20 40 Td (Readable page) Tj ET') },
        { value: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>' },
        { value: ') damaged (' },
      ],
      { root: 1 },
    );
    const pages = await allPages(await openDocument(pdf, { dpi: 72 }));
    expect(pages.map((page) => [page.page, page.image.width, page.image.height])).toEqual([[1, 300, 100]]);
    expect(inkFraction(pages[0]!.image)).toBeGreaterThan(0.01);
  });

  it('refuses a budget that would disable the check', async () => {
    await expect(openDocument(latinTextPdf(1), { renderBudget: { seconds: 0, megabytes: 100 } })).rejects.toMatchObject({ code: 'invalid_limits' });
  });

  it('gives the pages of two documents open at once to the right document', async () => {
    const [a, b] = await Promise.all([openDocument(latinTextPdf(3), { dpi: 36 }), openDocument(latinTextPdf(2), { dpi: 72 })]);
    const [pagesA, pagesB] = await Promise.all([allPages(a), allPages(b)]);
    expect(pagesA.map((p) => p.image.width)).toEqual([298, 298, 298]);
    expect(pagesB.map((p) => p.image.width)).toEqual([595, 595]);
    await Promise.all([a.close(), b.close()]);
  });

  it('closes a document whose next page was asked for ahead and never read', async () => {
    const doc = await openDocument(latinTextPdf(5), { dpi: 72 });
    for await (const { page } of doc.pageImages()) if (page === 2) break;
    await doc.close();
    await doc.close();
    expect((await allPages(await openDocument(latinTextPdf(1), { dpi: 72 }))).length).toBe(1);
  });
});
