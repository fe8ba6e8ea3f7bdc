import { AppError } from '../../errors.ts';
import { getUnitByCode, insertGrant, insertUser, updateUser } from '../../modules/org/org.repository.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { ROLES, type Role } from '../../platform/auth/actor.ts';
import { findUserByLogin } from '../../platform/auth/auth.repository.ts';
import { normaliseLogin } from '../../platform/auth/auth.service.ts';
import { hashPassword, passwordProblem } from '../../platform/auth/password.ts';
import type { Db } from '../client.ts';

type Opts = { name?: string; email?: string; phone?: string; password?: string; role?: string; unit?: string };

/** `cchc user create`: the way in for the first administrator of an empty installation. */
export async function createUserCli(db: Db, o: Opts): Promise<string> {
  if (!o.name || !o.password || (!o.email && !o.phone)) {
    throw new AppError('BAD_REQUEST', { detail: 'need --name, --password and --email or --phone' });
  }
  const problem = passwordProblem(o.password);
  if (problem) throw new AppError(problem);
  const role = (o.role ?? 'citizen') as Role;
  if (!ROLES.includes(role)) throw new AppError('BAD_REQUEST', { detail: `role must be one of ${ROLES.join(', ')}` });
  const unit = o.unit ? await getUnitByCode(db, o.unit) : undefined;
  if (o.unit && !unit) throw new AppError('NOT_FOUND', { what: `unit ${o.unit}` });
  if (role !== 'citizen' && !unit) throw new AppError('ROLE_NEEDS_UNIT', { role });
  const email = o.email ? normaliseLogin(o.email) : null;
  const phone = o.phone ? normaliseLogin(o.phone) : null;
  const passwordHash = await hashPassword(o.password);
  const id = await db.transaction(async (tx) => {
    if ((email && (await findUserByLogin(tx, email))) || (phone && (await findUserByLogin(tx, phone))))
      throw new AppError('ACCOUNT_EXISTS');
    const u = await insertUser(tx, {
      fullName: o.name!,
      email,
      phone,
      passwordHash,
      unitId: role === 'citizen' ? null : unit!.id,
    });
    await insertGrant(tx, { userId: u.id, role, unitId: role === 'citizen' ? null : unit!.id });
    await tx.insert(auditLog).values({
      action: 'user.create',
      actorRole: 'cli',
      targetType: 'user',
      targetId: u.id,
      after: { fullName: u.fullName, email, phone, role, unit: o.unit ?? null },
    });
    return u.id;
  });
  return `created user ${id} (${email ?? phone}) with role ${role}${unit ? ` on ${unit.code}` : ''}`;
}

export async function resetPasswordCli(db: Db, o: Opts): Promise<string> {
  const login = o.email ?? o.phone;
  if (!login || !o.password) throw new AppError('BAD_REQUEST', { detail: 'need --email or --phone, and --password' });
  const problem = passwordProblem(o.password);
  if (problem) throw new AppError(problem);
  const user = await findUserByLogin(db, normaliseLogin(login));
  if (!user) throw new AppError('NOT_FOUND', { what: `user ${login}` });
  const passwordHash = await hashPassword(o.password);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, user.version, { passwordHash });
    await tx
      .insert(auditLog)
      .values({ action: 'user.reset_password', actorRole: 'cli', targetType: 'user', targetId: user.id });
  });
  return `password reset for ${login}`;
}
