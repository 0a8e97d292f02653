/* test-worksheet.c — the target-setting worksheet: the basis from history, growth and the
 * other bases to the cent, the regions' top-down shares, the commitments, adopting a target,
 * undo and redo of every edit, refusals, the OGSMT order and the demo's worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

enum { NORTH = 1, SOUTH = 2 };
enum { ANN = 1, BO, CAI, DAN, NOBODY };

#define PLAN 1

typedef struct
{
  char    *dir;
  SpStore *store;
} Fixture;

static void
exec_edit (SpStore    *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (store, "test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
}

/* Two regions (North, South); Dan has left; Nobody has no region. History (calendar fiscal
 * years): FY2024 = 300,001 (North 100,001, South 200,000), FY2025 = 300,004 (North 100,000
 * on 1 March, South 200,004), so with both basis years North weighs 200,001 and South
 * 400,004. Plan 2026: target 1,000,000, sprint 1,250,000, challenge 1,400,000. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sp_test_make_dir ();
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);

  exec_edit (fixture->store,
             "INSERT INTO region (id, name) VALUES (1, 'North'), (2, 'South');"
             "INSERT INTO rep (id, name, region_id, hired_on, left_on) VALUES"
             " (1, 'Ann', 1, '2020-01-01', NULL), (2, 'Bo', 1, '2021-01-01', NULL),"
             " (3, 'Cai', 2, '2019-01-01', NULL), (4, 'Dan', 2, '2018-01-01', '2025-06-30'),"
             " (5, 'Nobody', NULL, '2025-01-01', NULL);"
             "INSERT INTO plan (id, fiscal_year, team, target, sprint, challenge)"
             " VALUES (1, 2026, '', 1000000, 1250000, 1400000);"
             "INSERT INTO history_order (order_day, amount, region_id) VALUES"
             " ('2024-01-01', 100001, 1), ('2024-12-31', 200000, 2),"
             " ('2025-03-01', 100000, 1), ('2025-07-15', 200004, 2);");
  sp_store_clear_history (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static SpWorksheet *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SpWorksheet *sheet = sp_worksheet_load (fixture->store, PLAN, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static char *
hash (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (fixture->store, &error);

  g_assert_no_error (error);
  return h;
}

static void
set_years (Fixture   *fixture,
           const int *years,
           guint      n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_worksheet_set_basis_years (fixture->store, PLAN, years, n, &error));
  g_assert_no_error (error);
}

static void
set_typed (Fixture *fixture,
           gint64   amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_worksheet_set_typed_basis (fixture->store, PLAN, amount, &error));
  g_assert_no_error (error);
}

static void
set_adjustment (Fixture                   *fixture,
                SpWorksheetBasis           basis,
                SpWorksheetAdjustmentKind  kind,
                gint64                     value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_worksheet_set_adjustment (fixture->store, PLAN, basis, kind, value, "note",
                                              &error));
  g_assert_no_error (error);
}

static void
test_basis_from_history (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int both[] = { 2025, 2024, 2025 };
  static const int one[] = { 2025 };
  g_autoptr(SpWorksheet) empty = load (fixture);
  g_autoptr(SpWorksheet) single = NULL;
  g_autoptr(SpWorksheet) two = NULL;
  const GArray *years;

  /* No basis chosen: 0; the history years are offered. */
  g_assert_cmpint (sp_worksheet_get_basis (empty), ==, 0);
  g_assert_false (sp_worksheet_has_typed_basis (empty));
  years = sp_worksheet_get_history_years (empty);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2024);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2025);
  g_assert_cmpint (g_array_index (sp_worksheet_get_history_totals (empty), gint64, 0), ==, 300001);
  g_assert_cmpint (g_array_index (sp_worksheet_get_history_totals (empty), gint64, 1), ==, 300004);

  set_years (fixture, one, G_N_ELEMENTS (one));
  single = load (fixture);
  g_assert_cmpint (sp_worksheet_get_basis (single), ==, 300004);

  /* Sorted, without repeats; the mean 300,002.5 rounds half away from zero. */
  set_years (fixture, both, G_N_ELEMENTS (both));
  two = load (fixture);
  years = sp_worksheet_get_basis_years (two);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2024);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2025);
  g_assert_cmpint (sp_worksheet_get_basis (two), ==, 300003);
  g_assert_cmpint (sp_worksheet_get_proposed (two), ==, 300003);
}

/* With an April start, 2025-03-01 belongs to FY2024 and 2024-01-01 to FY2023. */
static void
test_basis_fiscal_start (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int years[] = { 2024 };
  g_autoptr(SpWorksheet) sheet = NULL;
  const GArray *history;

  exec_edit (fixture->store, "INSERT INTO setting (key, value) VALUES ('fiscal-start-month', '4');");
  set_years (fixture, years, G_N_ELEMENTS (years));
  sheet = load (fixture);
  history = sp_worksheet_get_history_years (sheet);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (g_array_index (history, int, 0), ==, 2023);
  g_assert_cmpint (g_array_index (sp_worksheet_get_history_totals (sheet), gint64, 0), ==, 100001);
  g_assert_cmpint (g_array_index (sp_worksheet_get_history_totals (sheet), gint64, 1), ==, 300000);
  g_assert_cmpint (g_array_index (sp_worksheet_get_history_totals (sheet), gint64, 2), ==, 200004);
  g_assert_cmpint (sp_worksheet_get_basis (sheet), ==, 300000);
}

static void
test_typed_basis (Fixture       *fixture,
                  gconstpointer  data)
{
  static const int years[] = { 2024, 2025 };
  g_autoptr(SpWorksheet) typed = NULL;
  g_autoptr(SpWorksheet) back = NULL;

  set_years (fixture, years, G_N_ELEMENTS (years));
  set_typed (fixture, 123457);
  typed = load (fixture);
  g_assert_true (sp_worksheet_has_typed_basis (typed));
  g_assert_cmpuint (sp_worksheet_get_basis_years (typed)->len, ==, 0);
  g_assert_cmpint (sp_worksheet_get_basis (typed), ==, 123457);

  /* -1: back to the years chosen before. */
  set_typed (fixture, -1);
  back = load (fixture);
  g_assert_false (sp_worksheet_has_typed_basis (back));
  g_assert_cmpuint (sp_worksheet_get_basis_years (back)->len, ==, 2);
  g_assert_cmpint (sp_worksheet_get_basis (back), ==, 300003);
}

/* Basis 100,004: +12.5% = 12,500.5 → 12,501; industry +3% = 3,000.12 → 3,000; products
 * -2.5% = -2,500.1 → -2,500 (of the basis, not compounded); headcount +500,000; channels
 * -50,000. */
static void
test_growth_and_adjustments (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;
  g_autoptr(SpWorksheet) down = NULL;
  g_autoptr(SpWorksheet) removed = NULL;
  const SpWorksheetAdjustment *line;

  set_typed (fixture, 100004);
  g_assert_true (sp_worksheet_set_growth (fixture->store, PLAN, 1250, &error));
  g_assert_no_error (error);
  set_adjustment (fixture, SP_WORKSHEET_BASIS_INDUSTRY, SP_WORKSHEET_ADJUSTMENT_PERCENT, 300);
  set_adjustment (fixture, SP_WORKSHEET_BASIS_HEADCOUNT, SP_WORKSHEET_ADJUSTMENT_AMOUNT, 500000);
  set_adjustment (fixture, SP_WORKSHEET_BASIS_CHANNELS, SP_WORKSHEET_ADJUSTMENT_AMOUNT, -50000);
  set_adjustment (fixture, SP_WORKSHEET_BASIS_PRODUCTS, SP_WORKSHEET_ADJUSTMENT_PERCENT, -250);

  sheet = load (fixture);
  g_assert_cmpint (sp_worksheet_get_growth_bp (sheet), ==, 1250);
  g_assert_cmpint (sp_worksheet_get_growth_effect (sheet), ==, 12501);
  line = sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_INDUSTRY);
  g_assert_cmpint (line->kind, ==, SP_WORKSHEET_ADJUSTMENT_PERCENT);
  g_assert_cmpint (line->value, ==, 300);
  g_assert_cmpint (line->effect, ==, 3000);
  g_assert_cmpstr (line->note, ==, "note");
  g_assert_cmpint (sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_HEADCOUNT)->effect, ==, 500000);
  g_assert_cmpint (sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_CHANNELS)->effect, ==, -50000);
  g_assert_cmpint (sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_PRODUCTS)->effect, ==, -2500);
  g_assert_cmpint (sp_worksheet_get_proposed (sheet), ==, 100004 + 12501 + 3000 + 500000 - 50000 - 2500);

  /* Negative growth rounds away from zero too: -12,500.5 → -12,501. */
  g_assert_true (sp_worksheet_set_growth (fixture->store, PLAN, -1250, &error));
  g_assert_no_error (error);
  down = load (fixture);
  g_assert_cmpint (sp_worksheet_get_growth_effect (down), ==, -12501);

  /* NONE removes the line: no effect, an empty note. */
  set_adjustment (fixture, SP_WORKSHEET_BASIS_HEADCOUNT, SP_WORKSHEET_ADJUSTMENT_NONE, 0);
  removed = load (fixture);
  line = sp_worksheet_get_adjustment (removed, SP_WORKSHEET_BASIS_HEADCOUNT);
  g_assert_cmpint (line->kind, ==, SP_WORKSHEET_ADJUSTMENT_NONE);
  g_assert_cmpint (line->effect, ==, 0);
  g_assert_cmpstr (line->note, ==, "");
  g_assert_cmpint (sp_worksheet_get_proposed (removed), ==, 100004 - 12501 + 3000 - 50000 - 2500);
}

static void
test_proposal_clamped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpWorksheet) sheet = NULL;

  set_typed (fixture, 1000);
  set_adjustment (fixture, SP_WORKSHEET_BASIS_CHANNELS, SP_WORKSHEET_ADJUSTMENT_AMOUNT, -5000);
  sheet = load (fixture);
  g_assert_cmpint (sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_CHANNELS)->effect, ==, -5000);
  g_assert_cmpint (sp_worksheet_get_proposed (sheet), ==, 0);
}

static gint64
top_down_sum (SpWorksheet *sheet)
{
  gint64 sum = 0;

  for (guint i = 0; i < sp_worksheet_get_n_region_sums (sheet); i++)
    sum += sp_worksheet_get_region_sum (sheet, i)->top_down;
  return sum;
}

/* History share over 2024 + 2025: North 200,001, South 400,004 of 600,005. */
static void
test_top_down_history (Fixture       *fixture,
                       gconstpointer  data)
{
  static const int years[] = { 2024, 2025 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) equal = NULL;
  g_autoptr(SpWorksheet) share = NULL;
  g_autoptr(SpWorksheet) odd = NULL;
  const SpWorksheetRegionSum *north, *south, *none;

  /* No basis years: the year before the plan's (2025): 100,000 vs 200,004. */
  equal = load (fixture);
  g_assert_cmpuint (sp_worksheet_get_n_region_sums (equal), ==, 3);
  north = sp_worksheet_get_region_sum (equal, 0);
  g_assert_cmpstr (north->region_name, ==, "North");
  /* 1,000,000 × 100,000 / 300,004 = 333,328.89 → 333,329 (the larger remainder). */
  g_assert_cmpint (north->top_down, ==, 333329);
  g_assert_cmpint (sp_worksheet_get_region_sum (equal, 1)->top_down, ==, 666671);
  none = sp_worksheet_get_region_sum (equal, 2);
  g_assert_cmpint (none->region_id, ==, 0);
  g_assert_cmpint (none->top_down, ==, 0);
  g_assert_cmpint (top_down_sum (equal), ==, 1000000);

  set_years (fixture, years, G_N_ELEMENTS (years));
  share = load (fixture);
  north = sp_worksheet_get_region_sum (share, 0);
  south = sp_worksheet_get_region_sum (share, 1);
  /* 1,000,000 × 200,001 / 600,005 = 333,332.22; × 400,004 / 600,005 = 666,667.78. */
  g_assert_cmpint (north->top_down, ==, 333332);
  g_assert_cmpint (south->top_down, ==, 666668);
  g_assert_cmpint (top_down_sum (share), ==, 1000000);

  /* No history in the basis year: equal, the odd cent to the earlier region (a tie). */
  {
    static const int empty_year[] = { 2020 };

    set_years (fixture, empty_year, 1);
  }
  g_assert_true (sp_plan_set_targets (fixture->store, PLAN, 1000001, 1250000, 1400000, &error));
  g_assert_no_error (error);
  odd = load (fixture);
  g_assert_cmpint (sp_worksheet_get_basis (odd), ==, 0);
  g_assert_cmpint (sp_worksheet_get_region_sum (odd, 0)->top_down, ==, 500001);
  g_assert_cmpint (sp_worksheet_get_region_sum (odd, 1)->top_down, ==, 500000);
  g_assert_cmpint (top_down_sum (odd), ==, 1000001);
}

static void
test_top_down_breakdown (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) cells = NULL;
  g_autoptr(SpWorksheet) resplit = NULL;

  exec_edit (fixture->store,
             "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id,"
             " amount) VALUES (1, 'year', '2026-01-01', 'team', 0, 1000000),"
             " (1, 'year', '2026-01-01', 'region', 1, 600000),"
             " (1, 'year', '2026-01-01', 'region', 2, 400000),"
             " (1, 'month', '2026-01-01', 'region', 1, 50000);");
  cells = load (fixture);
  g_assert_cmpint (sp_worksheet_get_region_sum (cells, 0)->top_down, ==, 600000);
  g_assert_cmpint (sp_worksheet_get_region_sum (cells, 1)->top_down, ==, 400000);
  g_assert_cmpint (sp_worksheet_get_region_sum (cells, 2)->top_down, ==, 0);

  /* The target changed since: the cells' proportions, still adding up exactly. */
  g_assert_true (sp_plan_set_targets (fixture->store, PLAN, 1000001, 1250000, 1400000, &error));
  g_assert_no_error (error);
  resplit = load (fixture);
  g_assert_cmpint (sp_worksheet_get_region_sum (resplit, 0)->top_down, ==, 600001);
  g_assert_cmpint (sp_worksheet_get_region_sum (resplit, 1)->top_down, ==, 400000);
  g_assert_cmpint (top_down_sum (resplit), ==, 1000001);
}

static void
set_commitment (Fixture *fixture,
                gint64   rep,
                gint64   amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_worksheet_set_commitment (fixture->store, PLAN, rep, amount, &error));
  g_assert_no_error (error);
}

static void
test_commitments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SpWorksheet) sheet = NULL;
  g_autoptr(SpWorksheet) moved = NULL;
  const SpWorksheetRegionSum *north, *south, *none;
  const SpWorksheetCommitment *c;

  /* Dan left: his old commitment is not counted. */
  exec_edit (fixture->store, "INSERT INTO plan_commitment VALUES (1, 4, 99999);");
  set_commitment (fixture, ANN, 300000);
  set_commitment (fixture, BO, 200000);
  set_commitment (fixture, CAI, 450000);
  set_commitment (fixture, NOBODY, 10000);
  set_commitment (fixture, NOBODY, 10001);
  sheet = load (fixture);

  g_assert_cmpuint (sp_worksheet_get_n_commitments (sheet), ==, 4);
  c = sp_worksheet_get_commitment (sheet, 0);
  g_assert_cmpstr (c->rep_name, ==, "Ann");
  g_assert_cmpint (c->region_id, ==, NORTH);
  g_assert_true (c->has_commitment);
  g_assert_cmpint (c->amount, ==, 300000);
  g_assert_cmpstr (sp_worksheet_get_commitment (sheet, 2)->rep_name, ==, "Cai");
  c = sp_worksheet_get_commitment (sheet, 3);
  g_assert_cmpstr (c->rep_name, ==, "Nobody");
  g_assert_cmpint (c->region_id, ==, 0);
  g_assert_cmpint (c->amount, ==, 10001);

  /* Top-down (2025's history): North 333,329, South 666,671. */
  north = sp_worksheet_get_region_sum (sheet, 0);
  south = sp_worksheet_get_region_sum (sheet, 1);
  none = sp_worksheet_get_region_sum (sheet, 2);
  g_assert_cmpint (north->committed, ==, 500000);
  g_assert_cmpint (north->gap, ==, 333329 - 500000);
  g_assert_cmpuint (north->n_reps, ==, 2);
  g_assert_cmpuint (north->n_committed, ==, 2);
  g_assert_cmpint (south->committed, ==, 450000);
  g_assert_cmpint (south->gap, ==, 666671 - 450000);
  g_assert_cmpuint (south->n_reps, ==, 1);
  g_assert_cmpint (none->committed, ==, 10001);
  g_assert_cmpint (none->gap, ==, -10001);
  g_assert_cmpint (sp_worksheet_get_committed (sheet), ==, 960001);
  g_assert_cmpint (sp_worksheet_get_gap (sheet), ==, 1000000 - 960001);

  /* -1 removes; Bo moves to South before the end of the plan's year. */
  set_commitment (fixture, ANN, -1);
  exec_edit (fixture->store, "INSERT INTO rep_region VALUES (2, 1, '2021-01-01'), (2, 2, '2026-06-01');");
  moved = load (fixture);
  north = sp_worksheet_get_region_sum (moved, 0);
  south = sp_worksheet_get_region_sum (moved, 1);
  g_assert_cmpint (north->committed, ==, 0);
  g_assert_cmpuint (north->n_reps, ==, 1);
  g_assert_cmpuint (north->n_committed, ==, 0);
  g_assert_false (sp_worksheet_get_commitment (moved, 0)->has_commitment);
  g_assert_cmpint (south->committed, ==, 650000);
  g_assert_cmpuint (south->n_reps, ==, 2);
  g_assert_cmpint (sp_worksheet_get_committed (moved), ==, 660001);
}

static void
adopt_check (Fixture  *fixture,
             gboolean  committed,
             gint64    target,
             gint64    sprint,
             gint64    challenge)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;

  if (committed)
    g_assert_true (sp_worksheet_adopt_committed (fixture->store, PLAN, &error));
  else
    g_assert_true (sp_worksheet_adopt_proposed (fixture->store, PLAN, &error));
  g_assert_no_error (error);
  sheet = load (fixture);
  g_assert_cmpint (sp_worksheet_get_target (sheet), ==, target);
  g_assert_cmpint (sp_worksheet_get_sprint (sheet), ==, sprint);
  g_assert_cmpint (sp_worksheet_get_challenge (sheet), ==, challenge);
}

static void
test_adopt (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Old tiers 3 / 4 / 5: 563,005 × 4/3 = 750,673.3 → 750,673; × 5/3 = 938,341.7 → 938,342. */
  set_typed (fixture, 563005);
  g_assert_true (sp_plan_set_targets (fixture->store, PLAN, 3, 4, 5, &error));
  g_assert_no_error (error);
  adopt_check (fixture, FALSE, 563005, 750673, 938342);

  /* From a target of 0: +25% = 703,756.25 → 703,756, +40% = 788,207. */
  g_assert_true (sp_plan_set_targets (fixture->store, PLAN, 0, 0, 0, &error));
  g_assert_no_error (error);
  adopt_check (fixture, FALSE, 563005, 703756, 788207);

  /* The commitments' sum with the ratios of 703,756 and 788,207 to 563,005 kept:
   * 2 × 1.24999… = 2.49999… → 2, 2 × 1.39999… = 2.8 → 3. */
  set_commitment (fixture, ANN, 1);
  set_commitment (fixture, BO, 1);
  adopt_check (fixture, TRUE, 2, 2, 3);

  /* The sprint and challenge tiers computed as the adopt functions do. */
  {
    gint64 sprint, challenge;

    sp_worksheet_tiers_for (1000000, 1250000, 1400000, 333, &sprint, &challenge);
    g_assert_cmpint (sprint, ==, 416);      /* 416.25 */
    g_assert_cmpint (challenge, ==, 466);   /* 466.2 */
    sp_worksheet_tiers_for (2, 3, 5, 3, &sprint, &challenge);
    g_assert_cmpint (sprint, ==, 5);        /* 4.5 → 5 */
    g_assert_cmpint (challenge, ==, 8);     /* 7.5 → 8 */
  }
}

/* Every edit is one step: undo gives back the exact content, redo the edit's. */
static void
check_undo_redo (Fixture    *fixture,
                 const char *before,
                 const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = hash (fixture);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_test_message ("undo/redo: %s", label);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = hash (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (sp_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  redone = hash (fixture);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  static const int years[] = { 2024, 2025 };
  g_autoptr(GError) error = NULL;
  g_autofree char *h = NULL;
  gint64 item, second;
  GDate deadline;

#define STEP(what, call) \
  G_STMT_START { \
    g_free (h); \
    h = hash (fixture); \
    g_assert_true (call); \
    g_assert_no_error (error); \
    check_undo_redo (fixture, h, what); \
  } G_STMT_END

  STEP ("years", sp_worksheet_set_basis_years (fixture->store, PLAN, years, 2, &error));
  STEP ("typed", sp_worksheet_set_typed_basis (fixture->store, PLAN, 500000, &error));
  STEP ("untyped", sp_worksheet_set_typed_basis (fixture->store, PLAN, -1, &error));
  STEP ("growth", sp_worksheet_set_growth (fixture->store, PLAN, 1500, &error));
  STEP ("adjustment", sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_INDUSTRY,
                                                   SP_WORKSHEET_ADJUSTMENT_PERCENT, 300, "行业", &error));
  STEP ("adjustment again", sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_INDUSTRY,
                                                         SP_WORKSHEET_ADJUSTMENT_AMOUNT, -7, "", &error));
  STEP ("adjustment removed", sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_INDUSTRY,
                                                           SP_WORKSHEET_ADJUSTMENT_NONE, 0, NULL, &error));
  STEP ("swot", sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_THREATS, "价格战", &error));
  STEP ("swot again", sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_THREATS, "竞争", &error));
  STEP ("swot cleared", sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_THREATS, "", &error));
  STEP ("commitment", sp_worksheet_set_commitment (fixture->store, PLAN, ANN, 12345, &error));
  STEP ("commitment again", sp_worksheet_set_commitment (fixture->store, PLAN, ANN, 5, &error));
  STEP ("adopt proposed", sp_worksheet_adopt_proposed (fixture->store, PLAN, &error));
  STEP ("adopt committed", sp_worksheet_adopt_committed (fixture->store, PLAN, &error));
  STEP ("commitment removed", sp_worksheet_set_commitment (fixture->store, PLAN, ANN, -1, &error));
  STEP ("add", (item = sp_worksheet_add_ogsmt (fixture->store, PLAN, SP_OGSMT_MEASURE, "邀约", &error)) > 0);
  STEP ("add second", (second = sp_worksheet_add_ogsmt (fixture->store, PLAN, SP_OGSMT_MEASURE, "回款", &error)) > 0);
  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, 31, G_DATE_DECEMBER, 2026);
  STEP ("update", sp_worksheet_update_ogsmt (fixture->store, item, "有效邀约", 5, &deadline, &error));
  STEP ("move", sp_worksheet_move_ogsmt (fixture->store, second, -1, &error));
  STEP ("remove", sp_worksheet_remove_ogsmt (fixture->store, second, &error));

#undef STEP
}

static void
expect_refused (Fixture    *fixture,
                const char *before,
                GError     *error,
                int         code,
                const char *needle)
{
  g_autofree char *after = hash (fixture);

  g_assert_error (error, SP_WORKSHEET_ERROR, code);
  g_test_message ("%s", error->message);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  g_assert_cmpstr (after, ==, before);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  static const int late[] = { 2024, 2026 };
  g_autofree char *before = NULL;
  GDate far;

  set_commitment (fixture, ANN, 100);
  g_assert_cmpint (sp_worksheet_add_ogsmt (fixture->store, PLAN, SP_OGSMT_GOAL, "x", NULL), >, 0);
  before = hash (fixture);

#define REFUSED(call, code, needle) \
  G_STMT_START { \
    g_autoptr(GError) error = NULL; \
    g_assert_false (call); \
    expect_refused (fixture, before, error, code, needle); \
  } G_STMT_END

  REFUSED (sp_worksheet_set_growth (fixture->store, PLAN, 100001, &error),
           SP_WORKSHEET_ERROR_INVALID, "1000.01%");
  REFUSED (sp_worksheet_set_growth (fixture->store, PLAN, -10001, &error),
           SP_WORKSHEET_ERROR_INVALID, "-100.01%");
  REFUSED (sp_worksheet_set_growth (fixture->store, 999, 100, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "999");
  REFUSED (sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_PRODUCTS,
                                        SP_WORKSHEET_ADJUSTMENT_PERCENT, 200000, "", &error),
           SP_WORKSHEET_ERROR_INVALID, "2000%");
  REFUSED (sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_PRODUCTS,
                                        SP_WORKSHEET_ADJUSTMENT_AMOUNT, 5, "\xff\xfe", &error),
           SP_WORKSHEET_ERROR_INVALID, "UTF-8");
  REFUSED (sp_worksheet_set_adjustment (fixture->store, PLAN, SP_WORKSHEET_BASIS_PRODUCTS,
                                        SP_WORKSHEET_ADJUSTMENT_AMOUNT, G_MAXINT64, "", &error),
           SP_WORKSHEET_ERROR_INVALID, "9223372036854775807");
  REFUSED (sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_STRENGTHS, "ok\xc3", &error),
           SP_WORKSHEET_ERROR_INVALID, "UTF-8");
  REFUSED (sp_worksheet_set_typed_basis (fixture->store, PLAN, -2, &error),
           SP_WORKSHEET_ERROR_INVALID, "-2");
  REFUSED (sp_worksheet_set_basis_years (fixture->store, PLAN, late, 2, &error),
           SP_WORKSHEET_ERROR_INVALID, "2026");
  REFUSED (sp_worksheet_set_commitment (fixture->store, PLAN, ANN, -5, &error),
           SP_WORKSHEET_ERROR_INVALID, "Ann");
  REFUSED (sp_worksheet_set_commitment (fixture->store, PLAN, 77, 5, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "77");
  REFUSED (sp_worksheet_set_commitment (fixture->store, PLAN, DAN, 5, &error),
           SP_WORKSHEET_ERROR_INVALID, "Dan");
  REFUSED (sp_worksheet_set_commitment (fixture->store, 999, ANN, 5, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "999");
  REFUSED (sp_worksheet_adopt_proposed (fixture->store, 999, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "999");
  REFUSED (sp_worksheet_add_ogsmt (fixture->store, PLAN, SP_OGSMT_GOAL, "\xff", &error) != 0,
           SP_WORKSHEET_ERROR_INVALID, "UTF-8");
  REFUSED (sp_worksheet_update_ogsmt (fixture->store, 4242, "x", -1, NULL, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "4242");
  REFUSED (sp_worksheet_move_ogsmt (fixture->store, 4242, 1, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "4242");
  REFUSED (sp_worksheet_remove_ogsmt (fixture->store, 4242, &error),
           SP_WORKSHEET_ERROR_NOT_FOUND, "4242");
  g_date_clear (&far, 1);
  g_date_set_dmy (&far, 1, G_DATE_JANUARY, 12000);
  REFUSED (sp_worksheet_update_ogsmt (fixture->store, 1, "x", -1, &far, &error),
           SP_WORKSHEET_ERROR_INVALID, "12000-01-01");

  {
    g_autoptr(GError) error = NULL;
    g_assert_null (sp_worksheet_load (fixture->store, 999, &error));
    g_assert_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_NOT_FOUND);
  }

#undef REFUSED
}

static void
assert_order (Fixture     *fixture,
              const char  *expected)
{
  g_autoptr(SpWorksheet) sheet = load (fixture);
  g_autoptr(GString) order = g_string_new (NULL);
  int positions[4] = { 0, };

  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (sheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (sheet, i);

      g_assert_cmpint (item->position, ==, positions[item->kind]++);
      g_string_append_printf (order, "%s%s:%s", i ? " " : "",
                              sp_ogsmt_kind_to_string (item->kind), item->text);
    }
  g_assert_cmpstr (order->str, ==, expected);
}

static gint64
add_item (Fixture     *fixture,
          SpOgsmtKind  kind,
          const char  *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_worksheet_add_ogsmt (fixture->store, PLAN, kind, text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (Fixture *fixture,
      gint64   id,
      int      delta)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_worksheet_move_ogsmt (fixture->store, id, delta, &error));
  g_assert_no_error (error);
}

static void
test_ogsmt (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;
  const SpOgsmtItem *item;
  gint64 a, b, c;
  GDate deadline;

  a = add_item (fixture, SP_OGSMT_STRATEGY, "A");
  b = add_item (fixture, SP_OGSMT_STRATEGY, "B");
  c = add_item (fixture, SP_OGSMT_STRATEGY, "C");
  add_item (fixture, SP_OGSMT_GOAL, "G");
  add_item (fixture, SP_OGSMT_OBJECTIVE, "O");
  assert_order (fixture, "objective:O goal:G strategy:A strategy:B strategy:C");

  move (fixture, c, -1);
  assert_order (fixture, "objective:O goal:G strategy:A strategy:C strategy:B");
  /* Past the ends: stays there. */
  move (fixture, a, -1);
  move (fixture, b, +5);
  assert_order (fixture, "objective:O goal:G strategy:A strategy:C strategy:B");
  move (fixture, a, +2);
  assert_order (fixture, "objective:O goal:G strategy:C strategy:B strategy:A");

  g_assert_true (sp_worksheet_remove_ogsmt (fixture->store, c, &error));
  g_assert_no_error (error);
  assert_order (fixture, "objective:O goal:G strategy:B strategy:A");
  add_item (fixture, SP_OGSMT_STRATEGY, "D");
  assert_order (fixture, "objective:O goal:G strategy:B strategy:A strategy:D");

  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, 30, G_DATE_JUNE, 2026);
  g_assert_true (sp_worksheet_update_ogsmt (fixture->store, b, "B2", 5, &deadline, &error));
  g_assert_no_error (error);
  /* NULL text keeps it; -1 and NULL clear the target and the deadline. */
  g_assert_true (sp_worksheet_update_ogsmt (fixture->store, a, NULL, -1, NULL, &error));
  g_assert_no_error (error);
  sheet = load (fixture);
  item = sp_worksheet_get_ogsmt (sheet, 2);
  g_assert_cmpint (item->id, ==, b);
  g_assert_cmpstr (item->text, ==, "B2");
  g_assert_true (item->has_target);
  g_assert_cmpint (item->target_value, ==, 5);
  g_assert_true (g_date_valid (&item->deadline));
  g_assert_cmpint (g_date_compare (&item->deadline, &deadline), ==, 0);
  item = sp_worksheet_get_ogsmt (sheet, 3);
  g_assert_cmpstr (item->text, ==, "A");
  g_assert_false (item->has_target);
  g_assert_false (g_date_valid (&item->deadline));
}

static void
test_swot (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;

  g_assert_true (sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_STRENGTHS, "优势", &error));
  g_assert_true (sp_worksheet_set_swot (fixture->store, PLAN, SP_WORKSHEET_SWOT_OPPORTUNITIES, "机会", &error));
  g_assert_no_error (error);
  sheet = load (fixture);
  g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_STRENGTHS), ==, "优势");
  g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_WEAKNESSES), ==, "");
  g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_OPPORTUNITIES), ==, "机会");
  g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_THREATS), ==, "");
}

static void
test_parse_percent (void)
{
  static const struct { const char *text; gint64 bp; } good[] = {
    { "12.5%", 1250 }, { "-2.5 %", -250 }, { "+3", 300 }, { "１２％", 1200 },
    { "0.125%", 13 }, { "-0.125", -13 }, { " 7 ", 700 }, { ".5", 50 }, { "0", 0 },
  };
  static const char * const bad[] = { "", "%", "abc", "1.2.3", "12x", "--1", "1e3", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = -999;

      g_assert_true (sp_worksheet_parse_percent (good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].bp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = 0;

      g_assert_false (sp_worksheet_parse_percent (bad[i], &bp, &error));
      g_assert_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID);
    }

  {
    g_autofree char *a = sp_worksheet_format_bp (1250);
    g_autofree char *b = sp_worksheet_format_bp (-250);
    g_autofree char *c = sp_worksheet_format_bp (300);
    g_autofree char *d = sp_worksheet_format_bp (-13);

    g_assert_cmpstr (a, ==, "12.5%");
    g_assert_cmpstr (b, ==, "-2.5%");
    g_assert_cmpstr (c, ==, "3%");
    g_assert_cmpstr (d, ==, "-0.13%");
  }
}

/* The demo's plan: four SWOT quadrants, four adjustments, every rep committed, the regions'
 * top-down from the breakdown adding up to the target, the OGSMT sheet in order. */
static void
test_demo (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;
  gint64 committed = 0, top_down = 0, proposed;
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, G_DATE_MARCH, 2026);
  g_assert_true (sp_demo_generate (store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &today,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  plans = sp_plan_list (store, &error);
  g_assert_no_error (error);
  plan = g_list_model_get_item (plans, 0);
  sheet = sp_worksheet_load (store, sp_plan_get_id (plan), &error);
  g_assert_no_error (error);

  g_assert_cmpint (sp_worksheet_get_fiscal_year (sheet), ==, 2026);
  g_assert_cmpuint (sp_worksheet_get_basis_years (sheet)->len, ==, 1);
  g_assert_cmpint (g_array_index (sp_worksheet_get_basis_years (sheet), int, 0), ==, 2025);
  g_assert_cmpuint (sp_worksheet_get_history_years (sheet)->len, >=, 2);
  g_assert_cmpint (sp_worksheet_get_basis (sheet), >, 0);
  g_assert_cmpint (sp_worksheet_get_growth_bp (sheet), ==, 1500);
  for (guint i = 0; i < SP_WORKSHEET_N_SWOT; i++)
    g_assert_cmpstr (sp_worksheet_get_swot (sheet, i), !=, "");
  proposed = sp_worksheet_get_basis (sheet) + sp_worksheet_get_growth_effect (sheet);
  for (guint i = 0; i < SP_WORKSHEET_N_BASES; i++)
    {
      const SpWorksheetAdjustment *line = sp_worksheet_get_adjustment (sheet, i);

      g_assert_cmpint (line->kind, !=, SP_WORKSHEET_ADJUSTMENT_NONE);
      g_assert_cmpstr (line->note, !=, "");
      proposed += line->effect;
    }
  g_assert_cmpint (sp_worksheet_get_proposed (sheet), ==, MAX (proposed, 0));
  g_assert_cmpint (sp_worksheet_get_target (sheet), ==, sp_plan_get_target (plan));
  g_assert_cmpint (sp_worksheet_get_sprint (sheet), >, sp_worksheet_get_target (sheet));

  g_assert_cmpuint (sp_worksheet_get_n_commitments (sheet), ==, 12);
  for (guint i = 0; i < sp_worksheet_get_n_commitments (sheet); i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (sheet, i);

      g_assert_true (c->has_commitment);
      g_assert_cmpint (c->region_id, >, 0);
    }
  g_assert_cmpuint (sp_worksheet_get_n_region_sums (sheet), ==, 3);
  for (guint i = 0; i < sp_worksheet_get_n_region_sums (sheet); i++)
    {
      const SpWorksheetRegionSum *line = sp_worksheet_get_region_sum (sheet, i);

      g_assert_cmpint (line->region_id, >, 0);
      g_assert_cmpuint (line->n_reps, ==, 4);
      g_assert_cmpuint (line->n_committed, ==, 4);
      g_assert_cmpint (line->gap, ==, line->top_down - line->committed);
      committed += line->committed;
      top_down += line->top_down;
    }
  g_assert_cmpint (committed, ==, sp_worksheet_get_committed (sheet));
  g_assert_cmpint (top_down, ==, sp_worksheet_get_target (sheet));
  g_assert_cmpint (sp_worksheet_get_gap (sheet), ==, sp_worksheet_get_target (sheet) - committed);

  g_assert_cmpuint (sp_worksheet_get_n_ogsmt (sheet), ==, 8);
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 0)->kind, ==, SP_OGSMT_OBJECTIVE);
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 1)->kind, ==, SP_OGSMT_GOAL);
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 1)->target_value, ==, sp_worksheet_get_target (sheet));
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 3)->kind, ==, SP_OGSMT_STRATEGY);
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 7)->kind, ==, SP_OGSMT_MEASURE);
  g_assert_cmpint (sp_worksheet_get_ogsmt (sheet, 7)->position, ==, 2);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/worksheet/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("basis/history", test_basis_from_history);
  ADD ("basis/fiscal-start", test_basis_fiscal_start);
  ADD ("basis/typed", test_typed_basis);
  ADD ("proposal/adjustments", test_growth_and_adjustments);
  ADD ("proposal/clamped", test_proposal_clamped);
  ADD ("regions/history-share", test_top_down_history);
  ADD ("regions/breakdown", test_top_down_breakdown);
  ADD ("commitments", test_commitments);
  ADD ("adopt", test_adopt);
  ADD ("swot", test_swot);
  ADD ("ogsmt", test_ogsmt);
  ADD ("undo-redo", test_undo_redo);
  ADD ("refusals", test_refusals);
  g_test_add_func ("/worksheet/parse-percent", test_parse_percent);
  g_test_add_func ("/worksheet/demo", test_demo);

#undef ADD

  return g_test_run ();
}
