import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { currencyDigits } from '../../../contracts/catalog.js';
import { quoteNumber } from '../../../contracts/quotes.js';
import type { Locale } from '../../../contracts/roles.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';

/** What a proposal prints: the quote version with its lines, who sends it and to whom. */
export interface ProposalData {
  number: number;
  version: number;
  language: Locale;
  currency: string;
  createdAt: Date;
  validUntil: string;
  discountPercent: string;
  taxRate: string;
  terms: string | null;
  notes: string | null;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  lines: { sku: string; name: string; description: string | null; unit: string | null; quantity: string; unitPrice: number; discountPercent: string; taxRate: string | null; total: number }[];
  seller: { name: string; logo: Buffer | null };
  customer: { name: string; address: string[]; contactName: string | null; email: string | null };
  dealName: string;
}

/**
 * Noto Sans CJK (Debian's fonts-noto-cjk, and the same files on other distributions): one TrueType collection
 * with a face per writing system. pdfkit embeds the subset of glyphs used, with a ToUnicode map, so Chinese
 * names are text a reader can search and copy, not drawings.
 */
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];
const fontFile = (weight: 'Regular' | 'Bold') => FONT_DIRS.map((dir) => `${dir}/NotoSansCJK-${weight}.ttc`).find((file) => existsSync(file)) ?? null;
/** The face of the collection for the quote's language: Traditional glyph forms for zh-TW, Simplified otherwise. */
const face = (language: Locale, weight: 'Regular' | 'Bold') => `NotoSansCJK${language === 'zh-TW' ? 'tc' : 'sc'}-${weight}`;

export function money(amount: number, currency: string, language: Locale): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
}

const percent = (value: string | number) => `${Number(value).toLocaleString('en', { maximumFractionDigits: 2 })}%`;

/** Renders a quote as an A4 PDF proposal in the quote's language. */
export function renderProposal(data: ProposalData): Promise<Buffer> {
  const regular = fontFile('Regular');
  if (!regular) throw new AppError('QUOTE_PDF_FONT_MISSING', 503);
  const bold = fontFile('Bold') ?? regular;
  const t = translator(data.language);
  const label = (key: string, params?: Record<string, unknown>) => t(`quotePdf.${key}`, params ?? {});
  const fmt = (amount: number) => money(amount, data.currency, data.language);
  const title = `${label('title')} ${quoteNumber(data.number)}${data.version > 1 ? ` v${data.version}` : ''}`;

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: data.seller.name, Subject: data.dealName }, lang: data.language });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', regular, face(data.language, 'Regular'));
  doc.registerFont('bold', bold, face(data.language, 'Bold'));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Letterhead: the workspace's logo, else its name.
  let logoDrawn = false;
  if (data.seller.logo) {
    try {
      doc.image(data.seller.logo, left, 40, { fit: [160, 50] });
      logoDrawn = true;
    } catch {
      // An unreadable image must not stop the proposal: the name stands in for it.
    }
  }
  if (!logoDrawn) doc.font('bold').fontSize(18).text(data.seller.name, left, 45, { width: width / 2 });
  doc.font('bold').fontSize(16).text(title, left + width / 2, 45, { width: width / 2, align: 'right' });
  doc.font('body').fontSize(9).text(`${label('date')}: ${data.createdAt.toISOString().slice(0, 10)}`, { width: width / 2, align: 'right' });
  doc.text(`${label('validUntil')}: ${data.validUntil}`, { width: width / 2, align: 'right' });

  doc.moveTo(left, 105).lineTo(left + width, 105).strokeColor('#cccccc').stroke();
  doc.font('bold').fontSize(10).text(label('to'), left, 120);
  doc.font('body').fontSize(11).text(data.customer.name);
  doc.fontSize(9);
  for (const line of data.customer.address) doc.text(line);
  if (data.customer.contactName) doc.text(`${label('attention')}: ${data.customer.contactName}${data.customer.email ? ` <${data.customer.email}>` : ''}`);
  doc.moveDown().text(`${label('deal')}: ${data.dealName}`);
  doc.moveDown();

  // The lines table.
  const columns = [
    { key: 'item', width: width * 0.38, align: 'left' as const },
    { key: 'quantity', width: width * 0.1, align: 'right' as const },
    { key: 'unitPrice', width: width * 0.16, align: 'right' as const },
    { key: 'discount', width: width * 0.1, align: 'right' as const },
    { key: 'tax', width: width * 0.1, align: 'right' as const },
    { key: 'amount', width: width * 0.16, align: 'right' as const },
  ];
  const row = (cells: string[], font: 'body' | 'bold') => {
    if (doc.y > doc.page.height - 150) doc.addPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.font(font).fontSize(9);
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x + 2, top, { width: column.width - 4, align: column.align });
      bottom = Math.max(bottom, doc.y);
      x += column.width;
    });
    doc.moveTo(left, bottom + 3).lineTo(left + width, bottom + 3).strokeColor('#e0e0e0').stroke();
    doc.y = bottom + 6;
  };
  row(columns.map((c) => label(`columns.${c.key}`)), 'bold');
  for (const line of data.lines) {
    const item = [line.name, line.sku, line.description].filter(Boolean).join('\n');
    const quantity = `${Number(line.quantity).toLocaleString(data.language)}${line.unit ? ` ${line.unit}` : ''}`;
    row([item, quantity, fmt(line.unitPrice), percent(line.discountPercent), percent(line.taxRate ?? data.taxRate), fmt(line.total)], 'body');
  }
  if (data.lines.length === 0) row([label('noLines'), '', '', '', '', ''], 'body');

  // Totals, right-aligned under the table.
  doc.moveDown(0.5);
  const totals: [string, string, 'body' | 'bold'][] = [
    [label('subtotal'), fmt(data.subtotal), 'body'],
    [Number(data.discountPercent) > 0 ? label('discountWithQuote', { percent: percent(data.discountPercent) }) : label('discount'), `−${fmt(data.discount)}`, 'body'],
    [label('tax'), fmt(data.tax), 'body'],
    [label('total'), fmt(data.total), 'bold'],
  ];
  for (const [name, value, font] of totals) {
    const top = doc.y;
    doc.font(font).fontSize(font === 'bold' ? 12 : 10).text(name, left + width * 0.45, top, { width: width * 0.3, align: 'right' });
    doc.text(value, left + width * 0.75, top, { width: width * 0.25, align: 'right' });
  }

  doc.moveDown(1.5).font('bold').fontSize(10).text(label('validity', { date: data.validUntil }), left, doc.y, { width });
  if (data.terms) doc.moveDown(0.5).font('bold').text(label('terms')).font('body').fontSize(9).text(data.terms, { width });
  if (data.notes) doc.moveDown(0.5).font('bold').fontSize(10).text(label('notes')).font('body').fontSize(9).text(data.notes, { width });
  doc.moveDown(2).font('body').fontSize(8).fillColor('#777777').text(label('footer', { seller: data.seller.name }), { width, align: 'center' });
  doc.end();
  return done;
}
