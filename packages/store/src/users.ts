/**
 * Users and their roles: 填报人 (preparer, of a unit), 部门审核 (department reviewer, of a
 * department), 财政审核 (finance reviewer, of a region) and 管理员 (admin, of a region).
 */
import { ROLE_NAMES } from '@jixiao/core';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Actor, recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { notFound, StoreError } from './errors.ts';
import { getOrganization, type OrgKind } from './orgs.ts';
import { hashPassword } from './passwords.ts';
import { type ROLES, users } from './schema.ts';

export type Role = (typeof ROLES)[number];

/** The kind of organisation each role belongs to. */
export const ROLE_ORG_KIND: Record<Role, OrgKind> = {
  preparer: 'unit',
  department_reviewer: 'department',
  finance_reviewer: 'region',
  admin: 'region',
};

export { ROLE_NAMES };

/** A user as shown: never the password hash. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  active: boolean;
  createdAt: Date;
}

export const MIN_PASSWORD_LENGTH = 8;
const USERNAME_RE = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

/** A user's public columns (never the hash), for every select that returns a `User`. */
export const USER_COLUMNS = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgId: users.orgId,
  active: users.active,
  createdAt: users.createdAt,
};

/**
 * Creates a user in an organisation of the kind the role needs.
 * @throws VALIDATION (bad username, short password, wrong kind of organisation); DUPLICATE username
 */
export async function createUser(
  db: Db,
  input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    orgId: number;
    actor?: Actor | null;
  },
): Promise<User> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username)) {
    throw new StoreError('VALIDATION', '用户名应为 2–64 位小写字母、数字或 _ . -', {
      fields: [{ path: 'username' }],
    });
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new StoreError('VALIDATION', `密码至少 ${MIN_PASSWORD_LENGTH} 位`, {
      fields: [{ path: 'password' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const org = await getOrganization(tx, input.orgId);
    const kind = ROLE_ORG_KIND[input.role];
    if (org.kind !== kind) {
      throw new StoreError('VALIDATION', `「${ROLE_NAMES[input.role]}」应属于${kindName(kind)}`, {
        fields: [{ path: 'orgId' }],
      });
    }
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken.length > 0) throw new StoreError('DUPLICATE', `用户名「${username}」已被使用`, { username });
    const [user] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim() || username,
        passwordHash,
        role: input.role,
        orgId: input.orgId,
      })
      .returning(USER_COLUMNS);
    if (!user) throw new Error('insert returned nothing');
    await recordAudit(tx, input.actor ?? null, 'user.create', 'user', user.id, {
      username,
      role: input.role,
      orgId: input.orgId,
    });
    return user;
  });
}

function kindName(kind: OrgKind): string {
  return { region: '地区（财政部门）', department: '主管部门', unit: '预算单位' }[kind];
}

/** @throws NOT_FOUND */
export async function getUser(db: Db, id: number): Promise<User> {
  const [user] = await db.select(USER_COLUMNS).from(users).where(eq(users.id, id));
  if (!user) throw notFound('用户', id);
  return user;
}

/** The user with the password hash, for login; undefined when there is none. */
export async function findUserForLogin(db: Db, username: string) {
  const [user] = await db
    .select({ ...USER_COLUMNS, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()));
  return user;
}

/** Users, optionally only those of some organisations, by id. */
export async function listUsers(db: Db, filter: { orgIds?: number[]; role?: Role } = {}): Promise<User[]> {
  const where: SQL[] = [];
  if (filter.orgIds !== undefined) {
    if (filter.orgIds.length === 0) return [];
    where.push(inArray(users.orgId, filter.orgIds));
  }
  if (filter.role !== undefined) where.push(eq(users.role, filter.role));
  return db
    .select(USER_COLUMNS)
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.id));
}

/** Whether any user exists (the demo seed runs only on an empty database). */
export async function hasUsers(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/** Activates or deactivates a user; a deactivated user cannot log in and loses their sessions. */
export async function setUserActive(
  db: Db,
  input: { userId: number; active: boolean; actor?: Actor | null },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ active: input.active })
      .where(eq(users.id, input.userId))
      .returning(USER_COLUMNS);
    if (!user) throw notFound('用户', input.userId);
    await recordAudit(
      tx,
      input.actor ?? null,
      input.active ? 'user.activate' : 'user.deactivate',
      'user',
      user.id,
    );
    return user;
  });
}

/** Sets a new password. @throws VALIDATION when too short */
export async function setPassword(db: Db, input: { userId: number; password: string; actor?: Actor | null }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new StoreError('VALIDATION', `密码至少 ${MIN_PASSWORD_LENGTH} 位`, {
      fields: [{ path: 'password' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const rows = await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId)).returning();
    if (rows.length === 0) throw notFound('用户', input.userId);
    await recordAudit(tx, input.actor ?? null, 'user.password', 'user', input.userId);
  });
}
