import {
  CapsConfig,
  ImportedParagraph,
  ParagraphKind,
  SectionKind,
  checkFit,
  compareLabels,
  describeCap,
  importText,
  labelBetween,
} from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';

export interface ProposalImportOptions {
  committeeId: string;
  draftId: string;
  text: string;
  actorUserId: string;
  /** Which section of the draft a heading of the text goes to. */
  sectionFor: (heading: string) => { kind: SectionKind; key: string };
  /**
   * An entity's proposal is recorded as the entity approved it even when it holds more paragraphs
   * than the section's cap; the over-cap paragraphs are listed in the audit entry and the caps
   * report shows the section over its limit until the committee trims it.
   */
  allowOverCap: boolean;
}

interface SectionRef {
  id: string;
  kind: SectionKind;
  key: string;
}

/** Writes a plain-text proposal (like CICTE's) into a draft, one transaction with the caller's. */
export async function importProposalText(m: EntityManager, o: ProposalImportOptions): Promise<{ paragraphs: number; overCap: string[] }> {
  const parsed = importText(o.text);
  const draftRows: { caps: CapsConfig }[] = await m.query(`SELECT caps FROM draft WHERE id = $1 FOR UPDATE`, [o.draftId]);
  const caps = draftRows[0]?.caps;
  if (!caps) throw new AppError('not_found', `No draft with id "${o.draftId}".`);
  const sections: SectionRef[] = await m.query(`SELECT id, kind, key FROM section WHERE draft_id = $1`, [o.draftId]);
  const delegations: { id: string; code: string; aliases: string[] }[] = await m.query(
    `SELECT id, code, aliases FROM delegation WHERE committee_id = $1`,
    [o.committeeId],
  );
  const counted: { id: string; sectionId: string; kind: ParagraphKind; status: 'pending' }[] = (
    await m.query(`SELECT id, section_id AS "sectionId", kind, status FROM paragraph WHERE draft_id = $1`, [o.draftId])
  ).filter((p: { status: string }) => p.status !== 'deleted' && p.status !== 'withdrawn');
  const overCap: string[] = [];
  let written = 0;
  for (const s of parsed.sections) {
    const target = o.sectionFor(s.heading);
    const section = sections.find((x) => x.kind === target.kind && x.key === target.key);
    if (!section) throw new AppError('not_found', `The draft has no ${target.kind} section "${target.key}" for "${s.heading}".`);
    const labels: string[] = (await m.query(`SELECT label FROM paragraph WHERE section_id = $1`, [section.id])).map(
      (r: { label: string }) => r.label,
    );
    for (const p of s.paragraphs) {
      const kind = kindOf(section.kind, p);
      const fit = checkFit(caps, sections, counted, { sectionId: section.id, kind });
      if (!fit.fits) {
        const why = fit.reason === 'cap_exceeded' ? describeCap(fit.cap) : `a ${kind} paragraph does not belong in ${section.key}`;
        if (!o.allowOverCap || fit.reason !== 'cap_exceeded') {
          throw new AppError('over_cap_import', `Paragraph ${p.label ?? '(unnumbered)'} of "${s.heading}" does not fit: ${why}.`, {
            heading: s.heading,
            label: p.label,
          });
        }
        overCap.push(`${section.key} ${p.label ?? ''}: ${why}`.trim());
      }
      const label = freeLabel(p.label, labels);
      labels.push(label);
      const sponsorIds = p.sponsors.map((code) => {
        const d = delegations.find((x) => x.code === code || x.aliases.includes(code));
        if (!d) throw new AppError('validation_failed', `Paragraph ${label} names an unknown delegation "${code}".`);
        return d.id;
      });
      const rows: { id: string }[] = await m.query(
        `INSERT INTO paragraph (draft_id, section_id, kind, label, origin, text, literals, proposer_delegation_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          o.draftId,
          section.id,
          kind,
          label,
          sponsorIds.length > 0 ? 'delegation' : 'entity',
          p.chapeau ?? p.text,
          kind === 'mandates' ? JSON.stringify(p.literals ?? []) : null,
          sponsorIds[0] ?? null,
          o.actorUserId,
        ],
      );
      const paragraphId = rows[0]!.id;
      for (const [i, delegationId] of sponsorIds.entries()) {
        await m.query(
          `INSERT INTO sponsorship (draft_id, paragraph_id, delegation_id, status, position, invited_by, responded_by, responded_at)
           VALUES ($1, $2, $3, 'accepted', $4, $5, $5, now())`,
          [o.draftId, paragraphId, delegationId, i, o.actorUserId],
        );
      }
      counted.push({ id: paragraphId, sectionId: section.id, kind, status: 'pending' });
      written += 1;
    }
  }
  await m.query(
    `INSERT INTO audit_event (committee_id, draft_id, actor_user_id, actor_username, actor_role, action, target_type, target_id, after)
     SELECT $1, $2, u.id, u.username, u.role, 'draft.import', 'draft', $5, $3 FROM app_user u WHERE u.id = $4`,
    [o.committeeId, o.draftId, JSON.stringify({ title: parsed.title, paragraphs: written, overCap, problems: parsed.problems }), o.actorUserId, o.draftId],
  );
  return { paragraphs: written, overCap };
}

function kindOf(sectionKind: SectionKind, p: ImportedParagraph): ParagraphKind {
  if (sectionKind === 'preamble') return 'preambular';
  if (sectionKind === 'general') return 'follow_up';
  return p.literals && p.literals.length > 0 ? 'mandates' : 'substantive';
}

/** The text's own label when free; a duplicate (the seed numbers two paragraphs "1.") gets the next free one. */
function freeLabel(label: string | null, taken: readonly string[]): string {
  if (label !== null && !taken.includes(label)) return label;
  const last = [...taken].sort(compareLabels).at(-1) ?? null;
  return labelBetween(last, null, taken);
}
