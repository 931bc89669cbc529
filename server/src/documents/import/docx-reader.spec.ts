import JSZip from 'jszip';
import { readDocx } from './docx-reader';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(body: string, parts: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

const numbering = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const styles = `<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="OpPara"><w:pPr>${num(1)}</w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="OpParaChild"><w:basedOn w:val="OpPara"/></w:style>
</w:styles>`;

describe('readDocx', () => {
  it('writes out Word’s automatic numbers: direct, through styles, by level, restarted and bulleted', async () => {
    const body = [
      p('Cybersecurity'),
      p('To urge states.', num(1)),
      p('To instruct the SMS to:', '<w:pStyle w:val="OpParaChild"/>'),
      p('convene a meeting;', num(1, 1)),
      p('report.', num(1, 1)),
      p('To thank the IADB.', num(1)),
      p('A restarted list.', num(2)),
      p('A bullet.', num(3)),
      p('Not numbered.', num(0)),
    ].join('');
    const { text } = await readDocx(await docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    expect(text.split('\n')).toEqual([
      'Cybersecurity',
      '1. To urge states.',
      '2. To instruct the SMS to:',
      'a. convene a meeting;',
      'b. report.',
      '3. To thank the IADB.',
      '7. A restarted list.',
      'A bullet.',
      'Not numbered.',
    ]);
  });

  it('reads tracked changes as accepted, decodes characters and keeps runs’ spaces', async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">To convene </w:t></w:r><w:del w:id="1"><w:r><w:delText>urgently </w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t xml:space="preserve">promptly </w:t></w:r></w:ins><w:r><w:t>the &#8220;session&#8221; &amp; more</w:t><w:tab/><w:t>end</w:t></w:r></w:p>';
    expect((await readDocx(await docx(body))).text).toBe('To convene promptly the “session” & more\tend');
  });

  it('puts each footnote under the paragraph that cites it and takes the symbol from the header', async () => {
    const body = `<w:p><w:r><w:t>To reaffirm.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>`;
    const footnotes = `<w:footnotes ${W}><w:footnote w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Mexico: a reservation.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const header = `<w:hdr ${W}>${p('OEA/Ser.G')}${p('CP/CSH/1234/22 rev. 1')}${p('15 March 2022')}</w:hdr>`;
    const read = await readDocx(await docx(body, { 'word/footnotes.xml': footnotes, 'word/header1.xml': header }));
    expect(read.text.split('\n')).toEqual(['OEA/Ser.G', 'CP/CSH/1234/22 rev. 1', 'To reaffirm.', '(Footnote 1: Mexico: a reservation.)']);
    expect(read.footnotes).toEqual(['Mexico: a reservation.']);
  });

  it('refuses what is not a Word document, and XML that declares entities', async () => {
    await expect(readDocx(Buffer.from('plain text'))).rejects.toThrow('not a Word document');
    const bomb = new JSZip();
    bomb.file('word/document.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>');
    await expect(readDocx(await bomb.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow('The Word document is damaged');
  });
});
