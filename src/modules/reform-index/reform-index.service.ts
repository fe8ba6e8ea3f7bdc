/**
 * Use cases of the reform index (Chỉ số CCHC): peer groups, frameworks, cycles, self-assessment,
 * appraisal, survey points, publication and corrections. Each change is one transaction with its
 * audit entry; results are recomputed from stored scores (reform-index.results.ts).
 */
import './reform-index.errors.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { getUnit, getUnitByCode } from '../org/org.repository.ts';
import { type Criterion, type Framework, validateFramework, validateScore } from './domain/index.ts';
import * as policy from './reform-index.policy.ts';
import * as repo from './reform-index.repository.ts';
import type { FrameworkInput, PeerGroupInput } from './reform-index.schemas.ts';

export type Signed = RequestContext & { actor: Actor };
const notFound = (what: string) => new AppError('NOT_FOUND', { what });

// ---------- loading with authorisation ----------
export async function groupWithOwner(db: DbOrTx, groupId: string) {
  const group = await repo.getGroup(db, groupId);
  if (!group) throw notFound('peer group');
  const owner = await getUnit(db, group.ownerUnitId);
  return { group, ownerPath: owner?.path ?? '/' };
}

export async function manageableGroup(db: DbOrTx, actor: Actor, groupId: string) {
  const g = await groupWithOwner(db, groupId);
  if (!policy.canManageGroup(actor, g.ownerPath)) {
    if (!policy.canReadGroup(actor, g.ownerPath)) throw notFound('peer group');
    throw new AppError('FORBIDDEN');
  }
  return g;
}

export async function frameworkContext(db: DbOrTx, frameworkId: string) {
  const framework = await repo.getFramework(db, frameworkId);
  if (!framework) throw notFound('framework');
  return { framework, ...(await groupWithOwner(db, framework.groupId)) };
}

export async function cycleContext(db: DbOrTx, cycleId: string) {
  const cycle = await repo.getCycle(db, cycleId);
  if (!cycle) throw notFound('cycle');
  return { cycle, ...(await frameworkContext(db, cycle.frameworkId)) };
}

export async function assessmentContext(db: DbOrTx, actor: Actor, assessmentId: string) {
  const assessment = await repo.getAssessment(db, assessmentId);
  if (!assessment) throw notFound('assessment');
  const unit = await getUnit(db, assessment.unitId);
  const ctx = await cycleContext(db, assessment.cycleId);
  if (!unit || !policy.canReadAssessment(actor, unit.path, ctx.ownerPath)) throw notFound('assessment');
  return { assessment, unit, ...ctx };
}

export function toDomainFramework(f: repo.FrameworkRow, criteria: Criterion[]): Framework {
  return { code: f.code, name: f.name, ...(f.nameEn ? { nameEn: f.nameEn } : {}), year: f.year, criteria };
}

/** 422 with every problem of the tree (cycle, children's max exceeding the parent …). */
export function assertValidFramework(f: Framework) {
  const problems = validateFramework(f);
  if (problems.length) {
    throw new AppError(
      'RI_FRAMEWORK_INVALID',
      {
        count: problems.length,
        detail: problems
          .slice(0, 5)
          .map((p) => `${p.code} ${p.criterionCode ?? ''}`)
          .join('; '),
      },
      { problems },
    );
  }
}

// ---------- peer groups ----------
export async function createGroup(db: Db, ctx: Signed, b: PeerGroupInput) {
  const owner = await getUnitByCode(db, b.ownerUnitCode);
  if (!owner) throw notFound(`unit ${b.ownerUnitCode}`);
  if (!policy.canManageGroup(ctx.actor, owner.path)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const members: { unitId: string; block: string | null; sortOrder: number }[] = [];
    for (const [i, m] of b.units.entries()) {
      const u = await getUnitByCode(tx, m.unitCode);
      if (!u?.path.startsWith(owner.path))
        throw new AppError('BAD_REQUEST', { detail: `unit ${m.unitCode} is not under ${owner.code}` });
      members.push({ unitId: u.id, block: m.block ?? null, sortOrder: i });
    }
    const group = await repo.insertGroup(tx, {
      code: b.code,
      year: b.year,
      name: b.name,
      nameEn: b.nameEn ?? null,
      labelVi: b.labelVi,
      labelEn: b.labelEn ?? null,
      ownerUnitId: owner.id,
    });
    await repo.insertGroupUnits(
      tx,
      members.map((m) => ({ ...m, groupId: group.id })),
    );
    await audit(tx, ctx, {
      action: 'ri.group.create',
      targetType: 'ri_peer_group',
      targetId: group.id,
      unitId: owner.id,
      after: b,
    });
    return group;
  });
}

export async function listGroups(db: Db, ctx: Signed, year?: number) {
  const rows = await repo.listGroups(db, year);
  const out = [];
  for (const g of rows) {
    const owner = await getUnit(db, g.ownerUnitId);
    if (owner && policy.canReadGroup(ctx.actor, owner.path)) out.push({ ...g, ownerUnitCode: owner.code });
  }
  return out;
}

// ---------- frameworks ----------
export async function createFramework(db: Db, ctx: Signed, b: FrameworkInput, copiedFromId?: string) {
  const { group, ownerPath } = await manageableGroup(db, ctx.actor, b.groupId);
  void ownerPath;
  const criteria = b.criteria as Criterion[];
  assertValidFramework({ code: b.code, name: b.name, year: group.year, criteria });
  return db.transaction(async (tx) => {
    const f = await repo.insertFramework(tx, {
      groupId: group.id,
      year: group.year,
      code: b.code,
      name: b.name,
      nameEn: b.nameEn ?? null,
      bands: b.bands ?? [],
      topN: b.topN ?? null,
      copiedFromId: copiedFromId ?? null,
    });
    await repo.replaceCriteria(tx, f.id, criteria);
    await audit(tx, ctx, {
      action: copiedFromId ? 'ri.framework.copy' : 'ri.framework.create',
      targetType: 'ri_framework',
      targetId: f.id,
      unitId: group.ownerUnitId,
      after: { code: f.code, criteria: criteria.length, copiedFromId },
    });
    return f;
  });
}

export async function getFrameworkView(db: Db, ctx: Signed, id: string) {
  const { framework, ownerPath, group } = await frameworkContext(db, id);
  if (!policy.canReadGroup(ctx.actor, ownerPath)) throw notFound('framework');
  const criteria = await repo.listCriteria(db, id);
  return { ...framework, groupCode: group.code, criteria };
}

export async function updateFramework(
  db: Db,
  ctx: Signed,
  id: string,
  b: {
    version: number;
    name?: string;
    nameEn?: string;
    bands?: FrameworkInput['bands'];
    topN?: number;
    criteria?: FrameworkInput['criteria'];
  },
) {
  const { framework } = await frameworkContext(db, id);
  await manageableGroup(db, ctx.actor, framework.groupId);
  if (framework.status !== 'draft') throw new AppError('RI_FRAMEWORK_FROZEN', { code: framework.code });
  if (b.criteria)
    assertValidFramework({
      code: framework.code,
      name: framework.name,
      year: framework.year,
      criteria: b.criteria as Criterion[],
    });
  return db.transaction(async (tx) => {
    const row = await repo.updateFramework(tx, id, b.version, {
      ...(b.name ? { name: b.name } : {}),
      ...(b.nameEn !== undefined ? { nameEn: b.nameEn } : {}),
      ...(b.bands ? { bands: b.bands } : {}),
      ...(b.topN !== undefined ? { topN: b.topN } : {}),
    });
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: await repo.getFramework(tx, id) });
    if (b.criteria) await repo.replaceCriteria(tx, id, b.criteria as Criterion[]);
    await audit(tx, ctx, {
      action: 'ri.framework.update',
      targetType: 'ri_framework',
      targetId: id,
      after: { version: row.version, criteria: b.criteria?.length },
    });
    return row;
  });
}

/** Import replaces the draft's criteria (used by the xlsx import after every row was checked). */
export async function replaceFrameworkCriteria(db: Db, ctx: Signed, id: string, criteria: Criterion[]) {
  const { framework } = await frameworkContext(db, id);
  await manageableGroup(db, ctx.actor, framework.groupId);
  if (framework.status !== 'draft') throw new AppError('RI_FRAMEWORK_FROZEN', { code: framework.code });
  assertValidFramework(toDomainFramework(framework, criteria));
  await db.transaction(async (tx) => {
    await repo.replaceCriteria(tx, id, criteria);
    await repo.updateFramework(tx, id, framework.version, {});
    await audit(tx, ctx, {
      action: 'ri.framework.import',
      targetType: 'ri_framework',
      targetId: id,
      after: { criteria: criteria.length },
    });
  });
  return { frameworkId: id, criteria: criteria.length };
}

export async function copyFramework(
  db: Db,
  ctx: Signed,
  sourceId: string,
  b: { groupId: string; code: string; name?: string },
) {
  const src = await getFrameworkView(db, ctx, sourceId);
  const { group } = await manageableGroup(db, ctx.actor, b.groupId);
  const name = b.name ?? src.name.replace(String(src.year), String(group.year));
  return createFramework(
    db,
    ctx,
    {
      groupId: b.groupId,
      code: b.code,
      name,
      ...(src.nameEn ? { nameEn: src.nameEn.replace(String(src.year), String(group.year)) } : {}),
      bands: src.bands,
      ...(src.topN ? { topN: src.topN } : {}),
      criteria: src.criteria as FrameworkInput['criteria'],
    },
    sourceId,
  );
}

// ---------- cycles ----------
export async function openCycle(
  db: Db,
  ctx: Signed,
  b: { frameworkId: string; name: string; deadline: string; periodFrom: string; periodTo: string },
) {
  const { framework, group } = await frameworkContext(db, b.frameworkId);
  await manageableGroup(db, ctx.actor, framework.groupId);
  if (await repo.cycleOfFramework(db, framework.id))
    throw new AppError('CONFLICT', { detail: 'the framework already has a cycle' });
  assertValidFramework(toDomainFramework(framework, await repo.listCriteria(db, framework.id)));
  const members = await repo.groupMembers(db, group.id);
  return db.transaction(async (tx) => {
    const cycle = await repo.insertCycle(tx, { ...b, status: 'open' });
    // opening a cycle freezes the framework: nothing about the rules changes while units score
    await repo.updateFramework(tx, framework.id, framework.version, { status: 'frozen' });
    await repo.createAssessments(
      tx,
      cycle.id,
      members.map((m) => m.unitId),
    );
    await audit(tx, ctx, {
      action: 'ri.cycle.open',
      targetType: 'ri_cycle',
      targetId: cycle.id,
      unitId: group.ownerUnitId,
      after: b,
    });
    return cycle;
  });
}

const NEXT: Record<string, { from: string[]; to: string }> = {
  'start-appraisal': { from: ['open'], to: 'appraisal' },
  'close-appraisal': { from: ['appraisal'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
};

/** Cycle transitions: start appraisal, close appraisal (assessments approved), publish. */
export async function transitionCycle(
  db: Db,
  ctx: Signed,
  cycleId: string,
  action: 'start-appraisal' | 'close-appraisal' | 'publish',
  recompute: (db: Db, cycleId: string) => Promise<unknown>,
) {
  const c = await cycleContext(db, cycleId);
  await manageableGroup(db, ctx.actor, c.framework.groupId);
  const step = NEXT[action]!;
  if (!step.from.includes(c.cycle.status)) throw new AppError('RI_CYCLE_STATE', { status: c.cycle.status, action });
  const row = await db.transaction(async (tx) => {
    if (action === 'close-appraisal')
      await repo.setAssessmentsOfCycle(tx, cycleId, ['SUBMITTED', 'APPRAISED'], 'APPROVED');
    const row = await repo.setCycle(tx, cycleId, {
      status: step.to,
      ...(action === 'publish' ? { publishedOn: ctx.now.toISOString().slice(0, 10) } : {}),
    });
    await audit(tx, ctx, {
      action: `ri.cycle.${action}`,
      targetType: 'ri_cycle',
      targetId: cycleId,
      before: { status: c.cycle.status },
      after: { status: step.to },
    });
    return row;
  });
  if (action !== 'start-appraisal') await recompute(db, cycleId);
  return row;
}

// ---------- self-assessment ----------
/** End of the deadline day in Việt Nam (UTC+7, no DST). */
const deadlinePassed = (deadline: string, now: Date) =>
  now.getTime() >= Date.parse(`${deadline}T00:00:00+07:00`) + 86_400_000;

function leafOf(criteria: Criterion[], code: string, methods: Criterion['method'][]) {
  const c = criteria.find((x) => x.code === code);
  if (!c || criteria.some((x) => x.parentCode === code) || !methods.includes(c.method)) {
    throw new AppError('RI_CRITERION_NOT_LEAF', { criterion: code });
  }
  return c;
}

function checkScore(c: Criterion, value: number) {
  const err = validateScore(c.rule, c.maxPoints, value);
  if (err)
    throw new AppError(
      'RI_SCORE_INVALID',
      { value, criterion: c.code, reason: err.code },
      { reasonCode: err.code, ...err.params },
    );
}

export async function selfScore(
  db: Db,
  ctx: Signed,
  assessmentId: string,
  criterionCode: string,
  b: { selfScore: number | null; selfNote?: string; notApplicable?: boolean; version?: number },
) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.isFocalPoint(ctx.actor, a.unit.path)) throw new AppError('FORBIDDEN');
  if (a.cycle.status !== 'open') throw new AppError('RI_CYCLE_STATE', { status: a.cycle.status, action: 'self-score' });
  if (!['DRAFT', 'RETURNED'].includes(a.assessment.status)) {
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'self-score' });
  }
  if (deadlinePassed(a.cycle.deadline, ctx.now))
    throw new AppError('RI_DEADLINE_PASSED', { deadline: a.cycle.deadline });
  const criteria = await repo.listCriteria(db, a.framework.id);
  const c = leafOf(criteria, criterionCode, ['appraisal', 'computed']);
  if (b.notApplicable && !c.allowNotApplicable)
    throw new AppError('RI_NOT_APPLICABLE_FORBIDDEN', { criterion: c.code });
  if (b.selfScore !== null && !b.notApplicable) checkScore(c, b.selfScore);
  return db.transaction(async (tx) => {
    const set = {
      selfScore: b.notApplicable ? null : b.selfScore,
      selfNote: b.selfNote ?? null,
      notApplicable: b.notApplicable ?? false,
    };
    const existing = await repo.getScore(tx, assessmentId, criterionCode);
    let row: repo.ScoreRow | undefined;
    if (!existing) row = await repo.insertScore(tx, { assessmentId, criterionCode, ...set });
    else {
      row = await repo.updateScore(tx, existing.id, b.version, set);
      if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: scoreView(existing) });
    }
    if (!row)
      throw new AppError(
        'VERSION_CONFLICT',
        {},
        { current: scoreView(await repo.getScore(tx, assessmentId, criterionCode)) },
      );
    await audit(tx, ctx, {
      action: 'ri.score.self',
      targetType: 'ri_score',
      targetId: row.id,
      unitId: a.unit.id,
      before: existing && scoreView(existing),
      after: scoreView(row),
    });
    return scoreView(row);
  });
}

export function scoreView(s: repo.ScoreRow | undefined) {
  if (!s) return null;
  return {
    id: s.id,
    criterionCode: s.criterionCode,
    selfScore: s.selfScore,
    selfNote: s.selfNote,
    appraisedScore: s.appraisedScore,
    appraisalReason: s.appraisalReason,
    appraisedBy: s.appraisedBy,
    surveyPoints: s.surveyPoints,
    notApplicable: s.notApplicable,
    computedValue: s.computedValue,
    metricSnapshot: s.metricSnapshot,
    version: s.version,
  };
}

/** Criteria that require evidence, are applicable and have none. */
function lackingEvidence(criteria: Criterion[], scores: repo.ScoreRow[], evidenceCodes: Set<string>) {
  const na = new Set(scores.filter((s) => s.notApplicable).map((s) => s.criterionCode));
  const parents = new Set(criteria.map((c) => c.parentCode));
  return criteria
    .filter(
      (c) =>
        !parents.has(c.code) &&
        c.evidenceRequired &&
        c.method !== 'survey' &&
        !na.has(c.code) &&
        !evidenceCodes.has(c.code),
    )
    .map((c) => c.code);
}

export async function submitAssessment(db: Db, ctx: Signed, assessmentId: string) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.isFocalPoint(ctx.actor, a.unit.path)) throw new AppError('FORBIDDEN');
  if (a.cycle.status !== 'open') throw new AppError('RI_CYCLE_STATE', { status: a.cycle.status, action: 'submit' });
  if (!['DRAFT', 'RETURNED'].includes(a.assessment.status))
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'submit' });
  if (deadlinePassed(a.cycle.deadline, ctx.now))
    throw new AppError('RI_DEADLINE_PASSED', { deadline: a.cycle.deadline });
  const criteria = await repo.listCriteria(db, a.framework.id);
  const scores = await repo.scoresOf(db, assessmentId);
  const evidence = await repo.evidenceOf(db, assessmentId);
  const missing = lackingEvidence(criteria, scores, new Set(evidence.map((e) => e.criterionCode)));
  if (missing.length)
    throw new AppError(
      'RI_EVIDENCE_MISSING',
      { count: missing.length, criteria: missing.join(', ') },
      { criteria: missing },
    );
  const parents = new Set(criteria.map((c) => c.parentCode));
  const scored = new Set(scores.filter((s) => s.notApplicable || s.selfScore !== null).map((s) => s.criterionCode));
  const unscored = criteria
    .filter((c) => !parents.has(c.code) && c.method === 'appraisal' && !scored.has(c.code))
    .map((c) => c.code);
  if (unscored.length)
    throw new AppError(
      'RI_SCORES_MISSING',
      { count: unscored.length, criteria: unscored.join(', ') },
      { criteria: unscored },
    );
  return db.transaction(async (tx) => {
    const round = a.assessment.status === 'RETURNED' ? a.assessment.round + 1 : a.assessment.round;
    const row = await repo.setAssessment(tx, assessmentId, {
      status: 'SUBMITTED',
      submittedAt: ctx.now,
      round,
      ...(round !== a.assessment.round ? { returnCount: 0 } : {}),
    });
    await audit(tx, ctx, {
      action: 'ri.assessment.submit',
      targetType: 'ri_assessment',
      targetId: assessmentId,
      unitId: a.unit.id,
      after: { round },
    });
    return row!;
  });
}

// ---------- appraisal ----------
export async function appraiseScore(
  db: Db,
  ctx: Signed,
  assessmentId: string,
  criterionCode: string,
  b: { appraisedScore: number; reason: string; version: number },
) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.canAppraise(ctx.actor, a.ownerPath)) throw new AppError('FORBIDDEN');
  if (!['open', 'appraisal'].includes(a.cycle.status))
    throw new AppError('RI_CYCLE_STATE', { status: a.cycle.status, action: 'appraise' });
  if (!['SUBMITTED', 'APPRAISED'].includes(a.assessment.status))
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'appraise' });
  const criteria = await repo.listCriteria(db, a.framework.id);
  const c = leafOf(criteria, criterionCode, ['appraisal', 'computed']);
  checkScore(c, b.appraisedScore);
  const existing = await repo.getScore(db, assessmentId, criterionCode);
  // accepting the self-score may say "Đồng ý"; adjusting it must say why
  if (!b.reason.trim() && (existing?.selfScore ?? null) !== b.appraisedScore) throw new AppError('RI_REASON_REQUIRED');
  return db.transaction(async (tx) => {
    const set = {
      appraisedScore: b.appraisedScore,
      appraisalReason: b.reason.trim() || 'Đồng ý',
      appraisedBy: ctx.actor.userId,
    };
    let row: repo.ScoreRow | undefined;
    if (!existing) {
      if (b.version !== 1) throw new AppError('VERSION_CONFLICT', {}, { current: null });
      row = await repo.insertScore(tx, { assessmentId, criterionCode, ...set });
    } else row = await repo.updateScore(tx, existing.id, b.version, set);
    if (!row) {
      // the other appraiser's value travels with the 409: never a silent overwrite
      throw new AppError(
        'VERSION_CONFLICT',
        {},
        { current: scoreView(await repo.getScore(tx, assessmentId, criterionCode)) },
      );
    }
    await audit(tx, ctx, {
      action: 'ri.score.appraise',
      targetType: 'ri_score',
      targetId: row.id,
      unitId: a.unit.id,
      before: existing && scoreView(existing),
      after: scoreView(row),
    });
    return scoreView(row);
  });
}

export async function returnAssessment(db: Db, ctx: Signed, assessmentId: string, reason: string) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.canAppraise(ctx.actor, a.ownerPath)) throw new AppError('FORBIDDEN');
  if (!['open', 'appraisal'].includes(a.cycle.status))
    throw new AppError('RI_CYCLE_STATE', { status: a.cycle.status, action: 'return' });
  if (a.assessment.status !== 'SUBMITTED')
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'return' });
  if (a.assessment.returnCount >= 1) throw new AppError('RI_RETURN_LIMIT');
  return db.transaction(async (tx) => {
    const row = await repo.setAssessment(
      tx,
      assessmentId,
      { status: 'RETURNED', returnCount: a.assessment.returnCount + 1, returnReason: reason },
      a.assessment.version,
    );
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: await repo.getAssessment(tx, assessmentId) });
    await audit(tx, ctx, {
      action: 'ri.assessment.return',
      targetType: 'ri_assessment',
      targetId: assessmentId,
      unitId: a.unit.id,
      after: { reason, round: row.round },
    });
    return row;
  });
}

export async function completeAppraisal(db: Db, ctx: Signed, assessmentId: string) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.canAppraise(ctx.actor, a.ownerPath)) throw new AppError('FORBIDDEN');
  if (a.assessment.status !== 'SUBMITTED')
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'complete appraisal' });
  return db.transaction(async (tx) => {
    const row = await repo.setAssessment(tx, assessmentId, { status: 'APPRAISED' });
    await audit(tx, ctx, {
      action: 'ri.assessment.appraised',
      targetType: 'ri_assessment',
      targetId: assessmentId,
      unitId: a.unit.id,
    });
    return row!;
  });
}

// survey points (điều tra XHH): reform-index.survey.ts

// ---------- corrections after publication ----------
export async function correct(
  db: Db,
  ctx: Signed,
  cycleId: string,
  b: {
    unitCode: string;
    criterionCode: string;
    field: 'appraisedScore' | 'surveyPoints' | 'notApplicable';
    value: number | boolean | null;
    reason: string;
  },
  recompute: (db: Db, cycleId: string) => Promise<unknown>,
  downstream: (db: Db, cycleId: string) => Promise<string[]>,
) {
  const c = await cycleContext(db, cycleId);
  await manageableGroup(db, ctx.actor, c.framework.groupId);
  if (c.cycle.status !== 'published') throw new AppError('RI_NOT_PUBLISHED');
  const criteria = await repo.listCriteria(db, c.framework.id);
  const crit = leafOf(
    criteria,
    b.criterionCode,
    b.field === 'surveyPoints' ? ['survey'] : ['appraisal', 'computed', 'survey'],
  );
  const unit = await getUnitByCode(db, b.unitCode);
  const assessment = unit && (await repo.assessmentOf(db, cycleId, unit.id));
  if (!unit || !assessment) throw notFound(`assessment of ${b.unitCode}`);
  if (b.field === 'notApplicable') {
    if (typeof b.value !== 'boolean') throw new AppError('BAD_REQUEST', { detail: 'value must be true or false' });
    if (b.value && !crit.allowNotApplicable)
      throw new AppError('RI_NOT_APPLICABLE_FORBIDDEN', { criterion: crit.code });
  } else {
    if (typeof b.value !== 'number') throw new AppError('BAD_REQUEST', { detail: 'value must be a number' });
    checkScore(crit, b.value);
  }
  const correction = await db.transaction(async (tx) => {
    const existing = await repo.getScore(tx, assessment.id, b.criterionCode);
    const old = existing ? existing[b.field] : null;
    const set = {
      [b.field]: b.value,
      ...(b.field === 'appraisedScore' ? { appraisalReason: b.reason, appraisedBy: ctx.actor.userId } : {}),
    };
    if (existing) await repo.updateScore(tx, existing.id, undefined, set);
    else await repo.insertScore(tx, { assessmentId: assessment.id, criterionCode: b.criterionCode, ...set });
    const row = await repo.insertCorrection(tx, {
      cycleId,
      unitId: unit.id,
      criterionCode: b.criterionCode,
      field: b.field,
      oldValue: old,
      newValue: b.value,
      reason: b.reason,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      at: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'ri.correction',
      targetType: 'ri_cycle',
      targetId: cycleId,
      unitId: unit.id,
      before: { [b.field]: old },
      after: { [b.field]: b.value, reason: b.reason, criterionCode: b.criterionCode },
    });
    return row;
  });
  await recompute(db, cycleId);
  // next years' published results compare against this one: recompute them too
  const later = await downstream(db, cycleId);
  for (const id of later) await recompute(db, id);
  return { correction, recomputed: [cycleId, ...later] };
}

// ---------- views ----------
/** The assessment sheet: the criteria tree with scores, evidence, progress and running totals. */
export async function assessmentView(db: Db, ctx: Signed, assessmentId: string) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  const criteria = await repo.listCriteria(db, a.framework.id);
  const scores = new Map((await repo.scoresOf(db, assessmentId)).map((s) => [s.criterionCode, s]));
  const evidence = await repo.evidenceOf(db, assessmentId);
  const parents = new Set(criteria.map((c) => c.parentCode));
  const leaves = criteria.filter((c) => !parents.has(c.code));
  const selfDone = leaves.filter(
    (c) => c.method !== 'appraisal' || scores.get(c.code)?.selfScore != null || scores.get(c.code)?.notApplicable,
  );
  const total = (pick: (s: repo.ScoreRow | undefined, c: Criterion) => number | null) =>
    Math.round(leaves.reduce((t, c) => t + (pick(scores.get(c.code), c) ?? 0), 0) * 1000) / 1000;
  const lacking = lackingEvidence(criteria, [...scores.values()], new Set(evidence.map((e) => e.criterionCode)));
  return {
    assessment: a.assessment,
    unit: { id: a.unit.id, code: a.unit.code, name: a.unit.name },
    cycle: a.cycle,
    framework: {
      id: a.framework.id,
      code: a.framework.code,
      name: a.framework.name,
      year: a.framework.year,
      status: a.framework.status,
    },
    can: {
      selfScore:
        policy.isFocalPoint(ctx.actor, a.unit.path) &&
        a.cycle.status === 'open' &&
        ['DRAFT', 'RETURNED'].includes(a.assessment.status),
      appraise:
        policy.canAppraise(ctx.actor, a.ownerPath) &&
        ['open', 'appraisal'].includes(a.cycle.status) &&
        ['SUBMITTED', 'APPRAISED'].includes(a.assessment.status),
    },
    progress: { scored: selfDone.length, total: leaves.length },
    totals: {
      max: total((_s, c) => c.maxPoints),
      self: total((s) => (s?.selfScore == null ? null : Number(s.selfScore))),
      appraised: total((s) => (s?.appraisedScore ?? s?.selfScore ?? s?.surveyPoints ?? null) as number | null),
    },
    lackingEvidence: lacking,
    criteria: criteria.map((c) => ({
      ...c,
      leaf: !parents.has(c.code),
      score: scoreView(scores.get(c.code)),
      evidence: evidence
        .filter((e) => e.criterionCode === c.code)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          fileName: e.fileName,
          contentType: e.contentType,
          size: e.size,
          linkType: e.linkType,
          linkRef: e.linkRef,
          note: e.note,
          createdAt: e.createdAt,
        })),
    })),
  };
}

/** Cycles the actor can see (as group staff), and assessments the actor can self-score or appraise. */
export async function myWork(db: Db, ctx: Signed) {
  const cycles = await repo.listCycles(db);
  const out = [];
  for (const c of cycles) {
    const owner = await getUnit(db, c.group.ownerUnitId);
    const ownerPath = owner?.path ?? '/';
    const staff = policy.canReadGroup(ctx.actor, ownerPath);
    const list = await repo.listAssessments(db, c.cycle.id);
    const mine = list.filter((x) => staff || policy.isFocalPoint(ctx.actor, x.unitPath));
    if (!staff && !mine.length) continue;
    out.push({
      cycle: c.cycle,
      framework: {
        id: c.framework.id,
        code: c.framework.code,
        name: c.framework.name,
        year: c.framework.year,
        status: c.framework.status,
      },
      group: { id: c.group.id, code: c.group.code, name: c.group.name },
      role: { manage: policy.canManageGroup(ctx.actor, ownerPath), appraise: policy.canAppraise(ctx.actor, ownerPath) },
      assessments: mine.map((x) => ({
        id: x.a.id,
        unitCode: x.unitCode,
        unitName: x.unitName,
        status: x.a.status,
        round: x.a.round,
        returnCount: x.a.returnCount,
        version: x.a.version,
      })),
    });
  }
  return out;
}

export async function listFrameworks(db: Db, ctx: Signed) {
  const rows = await repo.listFrameworks(db);
  const out = [];
  for (const f of rows) {
    const { ownerPath, group } = await groupWithOwner(db, f.groupId);
    if (policy.canReadGroup(ctx.actor, ownerPath)) out.push({ ...f, groupCode: group.code, groupName: group.name });
  }
  return out;
}
