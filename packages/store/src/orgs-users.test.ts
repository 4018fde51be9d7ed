import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { createOrganization, listOrganizations, orgScope, setBudgetYear } from './orgs.ts';
import { ON_POSTGRES, openTestDatabase } from './testing.ts';
import { createUser, getUser, hasUsers, listUsers } from './users.ts';

describe(`organisations and users (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('builds region → department → unit and knows where each sits', async () => {
    const { db } = database;
    const region = await createOrganization(db, { kind: 'region', name: '松江区' });
    const dept = await createOrganization(db, {
      kind: 'department',
      name: '区委政法委',
      parentId: region.id,
    });
    const unit = await createOrganization(db, {
      kind: 'unit',
      name: '区委政法委（本级）',
      parentId: dept.id,
    });
    expect(await orgScope(db, unit.id)).toEqual({
      orgId: unit.id,
      kind: 'unit',
      regionId: region.id,
      departmentId: dept.id,
      unitId: unit.id,
    });
    expect(await orgScope(db, dept.id)).toMatchObject({
      regionId: region.id,
      departmentId: dept.id,
      unitId: null,
    });
    const other = await createOrganization(db, { kind: 'region', name: '青浦区' });
    const inRegion = await listOrganizations(db, { regionId: region.id });
    expect(inRegion.map((o) => o.id)).toEqual([region.id, dept.id, unit.id]);
    expect((await listOrganizations(db, { regionId: other.id })).map((o) => o.id)).toEqual([other.id]);
    await expect(setBudgetYear(db, { regionId: region.id, year: 2024 })).resolves.toMatchObject({
      open: true,
    });
  });

  it('refuses a unit directly under a region, and duplicate names under one parent', async () => {
    const { db } = database;
    const region = await createOrganization(db, { kind: 'region', name: '奉贤区' });
    await expect(
      createOrganization(db, { kind: 'unit', name: 'x', parentId: region.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await createOrganization(db, { kind: 'department', name: '教育局', parentId: region.id });
    await expect(
      createOrganization(db, { kind: 'department', name: '教育局', parentId: region.id }),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('puts each role in the right kind of organisation and never shows the hash', async () => {
    const { db } = database;
    const region = await createOrganization(db, { kind: 'region', name: '金山区' });
    const dept = await createOrganization(db, { kind: 'department', name: '财政局', parentId: region.id });
    await expect(
      createUser(db, {
        username: 'p1',
        displayName: 'P',
        password: 'demo1234',
        role: 'preparer',
        orgId: dept.id,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const user = await createUser(db, {
      username: 'Bumen1',
      displayName: '部门审核',
      password: 'demo1234',
      role: 'department_reviewer',
      orgId: dept.id,
    });
    expect(user.username).toBe('bumen1');
    expect(Object.keys(await getUser(db, user.id))).not.toContain('passwordHash');
    await expect(
      createUser(db, {
        username: 'bumen1',
        displayName: '',
        password: 'demo1234',
        role: 'admin',
        orgId: region.id,
      }),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(
      createUser(db, {
        username: 'short',
        displayName: '',
        password: '123',
        role: 'admin',
        orgId: region.id,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await hasUsers(db)).toBe(true);
    expect((await listUsers(db, { orgIds: [dept.id] })).map((u) => u.username)).toEqual(['bumen1']);
  });
});
