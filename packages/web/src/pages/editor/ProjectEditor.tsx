/**
 * The project editor: the 申报表 and its 项目经费情况说明 laid out like the paper forms, checked
 * live with core's rules as the user types, saved as a new revision (or a new project). Nothing
 * typed is lost: a safety copy is kept in the browser, leaving with unsaved changes asks first,
 * and a save refused because someone else saved first (409) keeps every edit and offers to look at
 * their version or to save over it.
 */
import { Alert, App, Button, ConfigProvider, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type ProjectDetail, type ProjectJson, type Saved } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { showTime } from '../../format.ts';
import { BasicFacts, Goals } from './BasicFacts.tsx';
import { ConflictDialogs, LeaveGuard, useNewProjectNames } from './dialogs.tsx';
import { clearDrafts, draftKey, keepDraft, latestDraft, type StoredDraft } from './drafts.ts';
import { Funds } from './Funds.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { FindingsPanel } from './Marks.tsx';
import { blankDraft, type Draft, FORM_TITLE, fromWire, newKey, toWire } from './model.ts';
import {
  findingMark,
  groupMarks,
  locate,
  type Mark,
  relativePath,
  review,
  sortMarks,
  useLiveReview,
} from './review.ts';
import { Sections } from './Sections.tsx';
import { reduce } from './state.ts';
import './editor.css';

export interface ProjectEditorProps {
  /** the project as the server sent it (GET /api/projects/{id}); null for a new project */
  detail: ProjectDetail | null;
  /** for a new project: the year (and unit, default the preparer's own) to create it in */
  create?: { year: number; unitId?: number };
  /** false: show the same layout read-only (reviewers; projects not in draft/returned) */
  editable: boolean;
  /** after a save (or create): the project's id and new version */
  onSaved?: (saved: { id: number; version: number; revision: number }) => void;
  /** true while there are unsaved changes (the page disables 提交 then) */
  onDirtyChange?: (dirty: boolean) => void;
  /** scroll to and highlight the field of a finding or comment path like `form.indicators[3]` */
  focusPath?: string | null;
  /**
   * Finance perfecting the targets directly (良「直接完善」): the form is editable but not saved
   * here — the page sends the edited project with the grade. Called with the edited project as
   * JSON, or null while nothing is changed.
   */
  onPerfect?: (project: ProjectJson | null) => void;
}

/** Rows of a restored draft get fresh keys (the page's counter started again). */
const rekey = (d: Draft): Draft => ({
  ...d,
  indicators: d.indicators.map((i) => ({ ...i, key: newKey('i') })),
  explanation: d.explanation
    ? { ...d.explanation, sections: d.explanation.sections.map((s) => ({ ...s, key: newKey('s') })) }
    : null,
});

const sameContent = (a: Draft, b: Draft) => JSON.stringify(toWire(a)) === JSON.stringify(toWire(b));

export function ProjectEditor({
  detail,
  create,
  editable,
  onSaved,
  onDirtyChange,
  focusPath,
  onPerfect,
}: ProjectEditorProps) {
  /** saved by the page with a grade, not by this editor */
  const perfecting = onPerfect !== undefined;
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = me?.user.username ?? '-';
  const year = detail?.year ?? create?.year ?? new Date().getFullYear();
  const projectKey = detail ? String(detail.id) : `new-${year}-${create?.unitId ?? 'own'}`;

  const names = useNewProjectNames(editable && !detail, create?.unitId);
  const [initial] = useState<Draft>(() =>
    detail
      ? fromWire(detail.project)
      : blankDraft({ year, unitName: names.unit, departmentName: names.department }),
  );
  const [state, dispatch] = useReducer(reduce, { draft: initial, added: null });
  /** what was loaded or last saved: the working copy is dirty when it is another object */
  const [base, setBase] = useState({
    id: detail?.id ?? null,
    draft: initial,
    version: detail?.version ?? 0,
    revision: detail?.revision ?? 0,
  });
  const dirty = editable && state.draft !== base.draft;
  const stateRef = useRef(state);
  stateRef.current = state;
  const baseRef = useRef(base);
  baseRef.current = base;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // ---- a new project: its unit and department, filled in when they become known
  useEffect(() => {
    if (detail || (!names.unit && !names.department)) return;
    const fill = (d: Draft): Draft => {
      const implementingUnit = d.form.implementingUnit || names.unit;
      const competentDepartment = d.form.competentDepartment || names.department;
      if (implementingUnit === d.form.implementingUnit && competentDepartment === d.form.competentDepartment)
        return d;
      return { ...d, form: { ...d.form, implementingUnit, competentDepartment } };
    };
    const b = baseRef.current.draft;
    const untouched = stateRef.current.draft === b;
    const filled = fill(stateRef.current.draft);
    if (filled === stateRef.current.draft) return;
    dispatch({ type: 'load', draft: filled });
    if (untouched) setBase((x) => ({ ...x, draft: filled })); // still a blank form: not a change
  }, [detail, names.unit, names.department]);

  // ---- findings: live while editing, the server's (as saved) when read-only
  const live = useLiveReview(
    state.draft,
    { year: state.draft.form.year, department: state.draft.form.competentDepartment },
    editable,
  );
  const [serverMarks, setServerMarks] = useState<{ of: Draft; marks: Mark[] } | null>(null);
  const savedFindings = useMemo(
    () => (!editable && detail ? sortMarks(detail.findings.map((f) => findingMark(f, state.draft))) : []),
    [editable, detail, state.draft],
  );
  const serverNow = serverMarks !== null && serverMarks.of === state.draft ? serverMarks.marks : null;
  const marks = useMemo(
    () => [...(serverNow ?? []), ...(editable ? live.marks : savedFindings)],
    [serverNow, editable, live.marks, savedFindings],
  );
  const previousGroups = useRef(new Map<string, Mark[]>());
  const byAnchor = useMemo(() => {
    const g = groupMarks(marks, previousGroups.current);
    previousGroups.current = g;
    return g;
  }, [marks]);

  // ---- going to a field
  const rootRef = useRef<HTMLDivElement>(null);
  const goTo = useCallback((anchor: string) => {
    const root = rootRef.current;
    if (!root) return;
    const find = (a: string) => root.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(a)}"]`);
    const el =
      find(anchor) ??
      (anchor.startsWith('row:') ? find('form.indicators') : null) ??
      (anchor.startsWith('section:') ? find('explanation') : null) ??
      find('form');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.remove('jx-flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('jx-flash');
    window.setTimeout(() => el.classList.remove('jx-flash'), 2000);
    const field =
      el.querySelector<HTMLElement>('input:not([type="radio"]):not([disabled]), textarea') ??
      el.querySelector<HTMLElement>('button:not([disabled])');
    field?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    if (!focusPath) return;
    const anchor = locate(relativePath(focusPath), stateRef.current.draft).anchor;
    const t = window.setTimeout(() => goTo(anchor), 0);
    return () => window.clearTimeout(t);
  }, [focusPath, goTo]);

  // ---- the safety copy in the browser
  const keepNow = useCallback(() => {
    if (!dirtyRef.current) return;
    const b = baseRef.current;
    const value: StoredDraft = {
      savedAt: new Date().toISOString(),
      baseVersion: b.version,
      draft: stateRef.current.draft,
    };
    keepDraft(draftKey(user, projectKey, b.version), value);
  }, [user, projectKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each change restarts the wait (keepNow reads it)
  useEffect(() => {
    if (!dirty) return;
    const t = window.setTimeout(keepNow, 400);
    return () => window.clearTimeout(t);
  }, [dirty, state.draft, keepNow]);
  const [offer, setOffer] = useState<StoredDraft | null>(() => {
    if (!editable) return null;
    const stored = latestDraft(user, projectKey);
    return stored && !sameContent(stored.draft, initial) ? stored : null;
  });

  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => {
    onPerfect?.(dirty ? toWire(state.draft) : null);
  }, [dirty, state.draft, onPerfect]);

  // ---- a newer version from the page (after our save it is ours: nothing to do)
  const [newer, setNewer] = useState<number | null>(null);
  useEffect(() => {
    if (!detail) return;
    const b = baseRef.current;
    if (detail.id === b.id) {
      if (detail.version < b.version) return; // the page has not caught up with our save yet
      if (detail.version === b.version && detail.revision === b.revision) return; // what we have
      if (stateRef.current.draft !== b.draft) {
        setNewer(detail.version); // keep the edits; saving will say what to do
        return;
      }
    }
    const d = fromWire(detail.project);
    dispatch({ type: 'load', draft: d });
    setBase({ id: detail.id, draft: d, version: detail.version, revision: detail.revision });
    setNewer(null);
  }, [detail]);

  // ---- saving
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<ProjectDetail | null>(null);

  const save = useCallback(
    async (baseVersion?: number): Promise<boolean> => {
      if (savingRef.current) return false;
      const draft = stateRef.current.draft;
      const checked = review(draft, { year: draft.form.year, department: draft.form.competentDepartment });
      if (!checked.valid) {
        message.error(`有 ${checked.marks.length} 处填写不符合格式，请先修改（已标在相应位置）`);
        const first = checked.marks[0];
        if (first) goTo(first.anchor);
        return false;
      }
      const project = toWire(draft);
      savingRef.current = true;
      setSaving(true);
      setError(null);
      try {
        if (detail) {
          const saved = await api.put<Saved>(`/api/projects/${detail.id}`, {
            baseVersion: baseVersion ?? baseRef.current.version,
            project,
          });
          setBase({ id: detail.id, draft, version: saved.version, revision: saved.revision });
          setNewer(null);
          clearDrafts(user, projectKey);
          message.success(`已保存（第 ${saved.revision} 次修订）`);
          onSaved?.({ id: detail.id, version: saved.version, revision: saved.revision });
        } else {
          const created = await api.post<{ id: number; version: number }>('/api/projects', {
            year,
            ...(create?.unitId !== undefined ? { unitId: create.unitId } : {}),
            project,
          });
          setBase({ id: created.id, draft, version: created.version, revision: 1 });
          clearDrafts(user, projectKey);
          dirtyRef.current = false; // let the navigation through
          message.success('已新建项目');
          onSaved?.({ id: created.id, version: created.version, revision: 1 });
          navigate(`/projects/${created.id}`);
        }
        return true;
      } catch (e) {
        keepNow();
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          setConflict(true);
        } else if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
          setServerMarks({
            of: draft,
            marks: e.fields.map((f) => {
              const path = relativePath(f.path);
              return {
                severity: 'error',
                message: f.message,
                ruleId: '服务器',
                path,
                ...locate(path, draft),
              };
            }),
          });
          message.error(e.message);
        } else {
          setError(e instanceof Error ? e.message : String(e));
        }
        return false;
      } finally {
        savingRef.current = false;
        setSaving(false);
      }
    },
    [detail, year, create?.unitId, user, projectKey, message, goTo, navigate, onSaved, keepNow],
  );

  // Ctrl+S / ⌘S
  useEffect(() => {
    if (!editable || perfecting) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (dirtyRef.current || !detail) void save();
        else message.info('没有需要保存的修改');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, perfecting, detail, save, message]);

  const fetchLatest = async () => {
    if (!detail) return null;
    try {
      return await api.get<ProjectDetail>(`/api/projects/${detail.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  const overwrite = async () => {
    const newest = latest ?? (await fetchLatest());
    if (!newest) return;
    if (newest.status !== 'draft' && newest.status !== 'returned') {
      setConflict(false);
      setLatest(null);
      setError(`项目现为「${newest.statusName}」，已不能修改；你的修改仍保留在页面和本机草稿中。`);
      return;
    }
    setConflict(false);
    setLatest(null);
    await save(newest.version);
  };
  const takeLatest = (newest: ProjectDetail) => {
    keepNow(); // one last safety copy of what is being replaced
    const d = fromWire(newest.project);
    dispatch({ type: 'load', draft: d });
    setBase({ id: newest.id, draft: d, version: newest.version, revision: newest.revision });
    setLatest(null);
    setConflict(false);
    setNewer(null);
    message.success(`已载入最新版本（第 ${newest.version} 版）`);
    onSaved?.({ id: newest.id, version: newest.version, revision: newest.currentRevision });
  };

  const status = saving
    ? '正在保存…'
    : dirty
      ? '有未保存的修改'
      : detail || base.id !== null
        ? `已保存 · 版本 ${base.version}`
        : '尚未保存';
  const d = state.draft;

  return (
    // two-character button names stay as written (保存, 离开, 替换), not spaced out as 「保 存」
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <div className="jx-editor" ref={rootRef}>
        {editable && <LeaveGuard dirty={dirtyRef} flush={keepNow} />}
        <div className="jx-editor-main">
          {offer && (
            <Alert
              type="warning"
              showIcon
              className="jx-editor-alert"
              message="本机有一份未保存的草稿"
              description={
                <>
                  保存于 {showTime(offer.savedAt)}
                  {detail && offer.baseVersion < detail.version
                    ? `，基于较早的版本 ${offer.baseVersion}（服务器上现为版本 ${detail.version}；恢复后保存将以草稿覆盖）`
                    : ''}
                  。要恢复它吗？
                </>
              }
              action={
                <Space direction="vertical">
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      dispatch({ type: 'load', draft: rekey(offer.draft) });
                      setOffer(null);
                    }}
                  >
                    恢复草稿
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      clearDrafts(user, projectKey);
                      setOffer(null);
                    }}
                  >
                    丢弃草稿
                  </Button>
                </Space>
              }
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              closable
              className="jx-editor-alert"
              message="保存未成功"
              description={`${error}（已填写的内容仍保留在页面上）`}
              onClose={() => setError(null)}
            />
          )}
          {newer !== null && (
            <Alert
              type="info"
              showIcon
              className="jx-editor-alert"
              message={`服务器上已有更新的版本 ${newer}；你的修改仍在页面上，保存时将提示如何处理。`}
            />
          )}
          <article className="jx-paper" aria-label="绩效目标申报表" data-anchor="form">
            <h2 className="jx-paper-title">{d.form.title || FORM_TITLE}</h2>
            <div className="jx-paper-year">（{d.form.year} 年度）</div>
            <BasicFacts form={d.form} marks={byAnchor} editable={editable} dispatch={dispatch} />
            <Funds funds={d.form.funds} marks={byAnchor} editable={editable} dispatch={dispatch} />
            <Goals form={d.form} marks={byAnchor} editable={editable} dispatch={dispatch} />
            <h3 className="jx-paper-sub">绩效指标</h3>
            <IndicatorTable
              rows={d.indicators}
              marks={byAnchor}
              editable={editable}
              added={state.added}
              dispatch={dispatch}
            />
          </article>
          <article className="jx-paper" aria-label="项目经费情况说明">
            <h2 className="jx-paper-title">项目经费情况说明</h2>
            <Sections
              explanation={d.explanation}
              annualTotal={d.form.funds.annualTotal}
              marks={byAnchor}
              editable={editable}
              added={state.added}
              dispatch={dispatch}
            />
          </article>
        </div>
        <aside className="jx-editor-side" aria-label={editable ? '保存与检查' : '审核发现'}>
          {editable && perfecting && (
            <Alert
              type="info"
              showIcon
              message="财政直接完善"
              description={
                dirty
                  ? '修改将在评级「良」时作为新修订保存，然后批复。'
                  : '在此修改绩效目标，再点「财政评级」选「良」，修改随评级一并保存。'
              }
            />
          )}
          {editable && !perfecting && (
            <div className="jx-savebar">
              <Button
                type="primary"
                aria-label="保存"
                autoInsertSpace={false}
                loading={saving}
                disabled={!dirty && Boolean(detail)}
                onClick={() => void save()}
              >
                保存
              </Button>
              <span className="jx-save-status" aria-live="polite">
                {status}
              </span>
              <Typography.Text type="secondary" className="jx-save-hint">
                Ctrl+S 保存；未保存的内容会在本机暂存。
              </Typography.Text>
            </div>
          )}
          <FindingsPanel
            marks={marks}
            title={editable ? '实时检查' : '审核发现（保存时）'}
            pending={editable && live.pending}
            onGo={goTo}
          />
        </aside>

        <ConflictDialogs
          conflict={conflict}
          baseVersion={base.version}
          latest={latest}
          onClose={() => setConflict(false)}
          onView={async () => {
            const newest = await fetchLatest();
            if (newest) setLatest(newest);
          }}
          onOverwrite={overwrite}
          onTakeLatest={takeLatest}
          onCloseLatest={() => setLatest(null)}
        >
          {latest && <ProjectEditor detail={latest} editable={false} />}
        </ConflictDialogs>
      </div>
    </ConfigProvider>
  );
}
