/* test-team.c — the roster's edits: hire, rename, move on a date, leave with handover,
 * re-activate, merge, regions, headcount, products and customer types; each one undo step,
 * each refusal changing nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  gint64   east, west;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  f->east = sp_region_add (f->store, "East", &error);
  f->west = sp_region_add (f->store, "West", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
hash (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (f->store, &error);

  g_assert_no_error (error);
  return h;
}

/* The rows of @sql, columns joined by "|" and rows by ";" (NULL as "-"). */
static char *
rows (Fixture    *f,
      const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sp_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, ';');
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c ? "|" : "", text != NULL ? text : "-");
        }
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_rows(f, sql, expected) \
  G_STMT_START { g_autofree char *_r = rows ((f), (sql)); g_assert_cmpstr (_r, ==, (expected)); } G_STMT_END

/* Writes setup rows in one edit and forgets it as an undo step. */
static void
setup_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (f->store, "setup", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store), sql, &error));
  g_assert_true (sp_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  sp_store_clear_history (f->store);
}

static gint64
hire (Fixture    *f,
      const char *name,
      gint64      region_id,
      const char *hired_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_rep_hire (f->store, name, region_id, hired_on, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Undo gives back exactly @before, redo exactly @after. */
static void
assert_undo_redo (Fixture    *f,
                  const char *before,
                  const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = hash (f);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, label);
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = hash (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (sp_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = hash (f);
  g_assert_cmpstr (redone, ==, after);
}

/* @ok is FALSE, the error is SP_STORE_ERROR @code with @message, and nothing changed. */
static void
assert_refused (Fixture    *f,
                const char *before,
                gboolean    ok,
                GError     *error,
                int         code,
                const char *message)
{
  g_autofree char *after = hash (f);

  g_assert_false (ok);
  g_assert_error (error, SP_STORE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (after, ==, before);
}

/* ---- reps ---------------------------------------------------------------------------- */

static void
test_rep_hire (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = hash (f);
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(SpRep) rep = NULL;
  gint64 id = hire (f, "  新人甲 ", f->east, "2026-10-23");

  assert_rows (f, "SELECT id, name, region_id, hired_on, left_on FROM rep",
               "1|新人甲|1|2026-10-23|-");
  assert_rows (f, "SELECT * FROM rep_region", "1|1|2026-10-23");
  assert_undo_redo (f, before, "Add rep");
  g_assert_cmpint (sp_rep_find_by_name (f->store, "新人甲", 0, NULL), ==, id);

  reps = sp_rep_list (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 1);
  rep = g_list_model_get_item (reps, 0);
  g_assert_cmpstr (sp_rep_get_name (rep), ==, "新人甲");
  g_assert_cmpstr (sp_rep_get_region_name (rep), ==, "East");
  g_assert_cmpstr (sp_rep_get_hired_on (rep), ==, "2026-10-23");
  g_assert_null (sp_rep_get_left_on (rep));
  g_assert_true (sp_rep_get_active (rep));
}

static void
test_rep_refusals (Fixture       *f,
                   gconstpointer  data)
{
  gint64 zhang = hire (f, "Zhang San", f->east, "2026-03-01");
  gint64 li = hire (f, "Li Si", f->west, "2026-01-01");
  g_autofree char *before = NULL;

  hire (f, "Zhang San", f->west, NULL);
  g_assert_true (sp_rep_leave (f->store, li, "2026-06-30", 0, NULL));
  before = hash (f);

#define REFUSED(call, code, message) \
  G_STMT_START { GError *e = NULL; gboolean ok = (call) != 0; \
                 assert_refused (f, before, ok, e, code, message); g_error_free (e); } G_STMT_END
  REFUSED (sp_rep_hire (f->store, "  ", f->east, NULL, &e), SP_STORE_ERROR_INVALID,
           "A rep needs a name");
  REFUSED (sp_rep_hire (f->store, "Zhang San", f->east, NULL, &e), SP_STORE_ERROR_INVALID,
           "There is already a rep named “Zhang San” in this region");
  REFUSED (sp_rep_hire (f->store, "Wang Wu", 999, NULL, &e), SP_STORE_ERROR_NOT_FOUND,
           "That region does not exist");
  REFUSED (sp_rep_hire (f->store, "Wang Wu", f->east, "2026-02-30", &e), SP_STORE_ERROR_INVALID,
           "Invalid date “2026-02-30”: expected YYYY-MM-DD");
  REFUSED (sp_rep_rename (f->store, zhang, "", &e), SP_STORE_ERROR_INVALID, "A rep needs a name");
  REFUSED (sp_rep_rename (f->store, li, "Zhang San", &e), SP_STORE_ERROR_INVALID,
           "There is already a rep named “Zhang San” in this region");
  REFUSED (sp_rep_rename (f->store, 999, "X", &e), SP_STORE_ERROR_NOT_FOUND,
           "That rep does not exist");
  REFUSED (sp_rep_leave (f->store, zhang, "2026-02-28", 0, &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” cannot leave on 2026-02-28, before being hired on 2026-03-01");
  REFUSED (sp_rep_leave (f->store, li, "2026-07-31", 0, &e), SP_STORE_ERROR_INVALID,
           "“Li Si” already left on 2026-06-30");
  REFUSED (sp_rep_leave (f->store, zhang, "2026-7-1", 0, &e), SP_STORE_ERROR_INVALID,
           "Invalid date “2026-7-1”: expected YYYY-MM-DD");
  REFUSED (sp_rep_leave (f->store, zhang, "2026-07-01", zhang, &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” cannot hand their work over to themselves");
  REFUSED (sp_rep_leave (f->store, zhang, "2026-07-01", li, &e), SP_STORE_ERROR_INVALID,
           "“Li Si” cannot take over the work of “Zhang San”: they left on 2026-06-30");
  REFUSED (sp_rep_move (f->store, zhang, f->west, "2026-02-01", &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” cannot move on 2026-02-01, before being hired on 2026-03-01");
  REFUSED (sp_rep_move (f->store, li, f->east, "2026-07-01", &e), SP_STORE_ERROR_INVALID,
           "“Li Si” cannot move on 2026-07-01, after leaving on 2026-06-30");
  REFUSED (sp_rep_move (f->store, zhang, f->east, "2026-07-01", &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” is already in region “East”");
  REFUSED (sp_rep_move (f->store, zhang, f->west, "2026-07-01", &e), SP_STORE_ERROR_INVALID,
           "There is already a rep named “Zhang San” in this region");
  REFUSED (sp_rep_move (f->store, zhang, 999, "2026-07-01", &e), SP_STORE_ERROR_NOT_FOUND,
           "That region does not exist");
  REFUSED (sp_rep_set_hired_on (f->store, li, "2026-07-01", &e), SP_STORE_ERROR_INVALID,
           "“Li Si” cannot be hired on 2026-07-01, after leaving on 2026-06-30");
  REFUSED (sp_rep_reactivate (f->store, zhang, &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” is still on the team");
  REFUSED (sp_rep_merge (f->store, zhang, zhang, &e), SP_STORE_ERROR_INVALID,
           "“Zhang San” cannot be merged into themselves");
#undef REFUSED
}

static void
test_rep_rename_and_hire_date (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hire (f, "Zhang San", f->east, "2026-03-01");
  g_autofree char *before = hash (f);
  g_autofree char *renamed = NULL;

  g_assert_true (sp_rep_rename (f->store, id, " Zhang Sanfeng ", &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT name FROM rep", "Zhang Sanfeng");
  assert_undo_redo (f, before, "Rename rep");

  renamed = hash (f);
  g_assert_true (sp_rep_set_hired_on (f->store, id, "2026-02-15", &error));
  g_assert_no_error (error);
  /* The region recorded from the hire day moves with it. */
  assert_rows (f, "SELECT hired_on FROM rep", "2026-02-15");
  assert_rows (f, "SELECT * FROM rep_region", "1|1|2026-02-15");
  assert_undo_redo (f, renamed, "Change hire date");

  /* Both at once are one step; a refused name writes no date either. */
  {
    g_autofree char *dated = hash (f);
    g_autofree char *both = NULL;
    GError *e = NULL;
    gboolean ok;

    hire (f, "Li Si", f->east, NULL);
    both = hash (f);
    ok = sp_rep_edit (f->store, id, "Li Si", "2026-01-01", &e);
    assert_refused (f, both, ok, e, SP_STORE_ERROR_INVALID,
                    "There is already a rep named “Li Si” in this region");
    g_clear_error (&e);
    g_assert_true (sp_store_undo (f->store, &error));
    g_assert_true (sp_rep_edit (f->store, id, "Zhang", "2026-01-01", &error));
    g_assert_no_error (error);
    assert_rows (f, "SELECT name, hired_on FROM rep", "Zhang|2026-01-01");
    assert_undo_redo (f, dated, "Edit rep");

    g_assert_true (sp_rep_move (f->store, id, f->west, "2026-05-01", &error));
    g_assert_no_error (error);
    g_free (dated);
    dated = hash (f);
    ok = sp_rep_set_hired_on (f->store, id, "2026-05-01", &e);
    assert_refused (f, dated, ok, e, SP_STORE_ERROR_INVALID,
                    "“Zhang” cannot be hired on 2026-05-01, after moving region on 2026-05-01");
    g_clear_error (&e);
  }
}

static void
test_rep_move (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) moves = NULL;
  g_autoptr(GListModel) months = NULL;
  g_autofree char *before = NULL;
  gint64 zhang = hire (f, "Zhang San", f->east, "2026-01-01");
  gint64 li;
  GString *counts = g_string_new (NULL);

  hire (f, "Wang Wu", f->west, "2026-06-10");
  before = hash (f);
  g_assert_true (sp_rep_move (f->store, zhang, f->west, "2026-07-01", &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT rep_id, region_id, from_day FROM rep_region WHERE rep_id = 1"
                  " ORDER BY from_day", "1|1|2026-01-01;1|2|2026-07-01");
  assert_rows (f, "SELECT region_id FROM rep WHERE id = 1", "2");
  assert_undo_redo (f, before, "Move rep");

  moves = sp_rep_list_moves (f->store, zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (moves), ==, 2);
  {
    g_autoptr(SpRepMove) first = g_list_model_get_item (moves, 0);
    g_autoptr(SpRepMove) second = g_list_model_get_item (moves, 1);

    g_assert_cmpstr (sp_rep_move_get_region_name (first), ==, "East");
    g_assert_cmpstr (sp_rep_move_get_from_day (first), ==, "2026-01-01");
    g_assert_cmpstr (sp_rep_move_get_region_name (second), ==, "West");
    g_assert_cmpstr (sp_rep_move_get_from_day (second), ==, "2026-07-01");
  }

  /* Headcount splits at the move's date. */
  g_assert_cmpint (sp_region_headcount_on (f->store, f->east, "2025-12-31", NULL), ==, 0);
  g_assert_cmpint (sp_region_headcount_on (f->store, f->east, "2026-06-30", NULL), ==, 1);
  g_assert_cmpint (sp_region_headcount_on (f->store, f->west, "2026-06-30", NULL), ==, 1);
  g_assert_cmpint (sp_region_headcount_on (f->store, f->east, "2026-07-01", NULL), ==, 0);
  g_assert_cmpint (sp_region_headcount_on (f->store, f->west, "2026-07-01", NULL), ==, 2);

  /* A move before the last one is refused. */
  {
    g_autofree char *moved = hash (f);
    GError *e = NULL;
    gboolean ok = sp_rep_move (f->store, zhang, f->east, "2026-06-01", &e);

    assert_refused (f, moved, ok, e, SP_STORE_ERROR_INVALID,
                    "“Zhang San” cannot move on 2026-06-01, before their last move on 2026-07-01");
    g_error_free (e);
  }

  /* Month-end headcount: Wang Wu from June, Zhang San in East until June. */
  months = sp_region_list_headcount (f->store, "2026-05-20", 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (months); i++)
    {
      g_autoptr(SpHeadcount) h = g_list_model_get_item (months, i);

      g_string_append_printf (counts, "%s%s %s %u", i ? ";" : "", sp_headcount_get_region_name (h),
                              sp_headcount_get_month (h), sp_headcount_get_count (h));
    }
  g_assert_cmpstr (counts->str, ==,
                   "East 2026-05-01 1;East 2026-06-01 1;East 2026-07-01 0;"
                   "West 2026-05-01 0;West 2026-06-01 1;West 2026-07-01 2");
  g_string_free (counts, TRUE);

  /* A rep with no hire date keeps their old region from their first known day. */
  li = sp_rep_add (f->store, "Li Si", f->east, &error);
  setup_sql (f, "INSERT INTO worklog_entry (rep_id, day, prospects) VALUES (3, '2025-05-03', 1);");
  g_assert_true (sp_rep_move (f->store, li, f->west, "2026-03-01", &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT region_id, from_day FROM rep_region WHERE rep_id = 3 ORDER BY from_day",
               "1|2025-05-03;2|2026-03-01");
}

static void
setup_pipeline (Fixture *f)
{
  setup_sql (f,
             "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
             "  (1, 'Lead', 1, 10, 'open'), (2, 'Won', 2, 100, 'won'), (3, 'Lost', 3, 0, 'lost');"
             "INSERT INTO customer (id, name, rep_id) VALUES (1, 'ACME', 1), (2, 'Beta', NULL);"
             "INSERT INTO opportunity (id, title, customer_id, rep_id, stage_id, amount, created_on)"
             "  VALUES (1, 'a', 1, 1, 1, 100, '2026-02-01'), (2, 'b', 1, 1, 1, 200, '2026-02-02'),"
             "         (3, 'c', 1, 1, 2, 300, '2026-02-03'), (4, 'd', 1, 2, 1, 400, '2026-02-04');");
}

static void
test_rep_leave_handover (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 zhang = hire (f, "Zhang San", f->east, "2026-01-01");
  gint64 li = hire (f, "Li Si", f->east, "2026-01-01");
  GError *e = NULL;
  gboolean ok;

  setup_pipeline (f);
  before = hash (f);
  g_assert_cmpint (sp_rep_count_open_opportunities (f->store, zhang, NULL), ==, 2);

  ok = sp_rep_leave (f->store, zhang, "2026-08-31", 0, &e);
  assert_refused (f, before, ok, e, SP_STORE_ERROR_INVALID,
                  "“Zhang San” still has 2 open opportunities; name a rep to hand them over to");
  g_error_free (e);

  /* Without open opportunities, the customers still need someone. */
  {
    g_autofree char *closed = NULL;

    setup_sql (f, "UPDATE opportunity SET stage_id = 3 WHERE rep_id = 1 AND stage_id = 1;");
    closed = hash (f);
    g_assert_cmpint (sp_rep_count_customers (f->store, zhang, NULL), ==, 1);
    ok = sp_rep_leave (f->store, zhang, "2026-08-31", 0, &e);
    assert_refused (f, closed, ok, e, SP_STORE_ERROR_INVALID,
                    "“Zhang San” still has 1 customer; name a rep to hand it over to");
    g_clear_error (&e);
    g_assert_true (sp_store_begin_edit (f->store, "setup", &error));
    g_assert_true (sp_sql_exec (sp_store_get_db (f->store),
                                "UPDATE opportunity SET stage_id = 1 WHERE id IN (1, 2);", &error));
    g_assert_true (sp_store_commit_edit (f->store, &error));
    sp_store_clear_history (f->store);
    g_free (closed);
    closed = hash (f);
    g_assert_cmpstr (closed, ==, before);
  }

  g_assert_true (sp_rep_leave (f->store, zhang, "2026-08-31", li, &error));
  g_assert_no_error (error);
  /* The open ones go to Li Si; the won one stays Zhang San's; so does the customer. */
  assert_rows (f, "SELECT id, rep_id FROM opportunity ORDER BY id", "1|2;2|2;3|1;4|2");
  assert_rows (f, "SELECT id, coalesce (rep_id, '-') FROM customer ORDER BY id", "1|2;2|-");
  assert_rows (f, "SELECT left_on FROM rep WHERE id = 1", "2026-08-31");
  g_assert_cmpint (sp_region_headcount_on (f->store, f->east, "2026-08-31", NULL), ==, 2);
  g_assert_cmpint (sp_region_headcount_on (f->store, f->east, "2026-09-01", NULL), ==, 1);
  assert_undo_redo (f, before, "Rep leaves");

  /* Back on the team. */
  {
    g_autofree char *left = hash (f);

    g_assert_true (sp_rep_reactivate (f->store, zhang, &error));
    g_assert_no_error (error);
    assert_rows (f, "SELECT left_on FROM rep WHERE id = 1", "-");
    assert_undo_redo (f, left, "Re-activate rep");
  }
}

static void
test_rep_merge (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 into = hire (f, "Zhang San", f->east, "2026-03-01");
  gint64 from = hire (f, "Zhang  San", f->west, "2026-01-15");
  const char *tables[] = { "worklog_entry", "history_order", "opportunity", "plan_commitment",
                           "action_item", "customer" };

  setup_pipeline (f);
  /* Swap the pipeline's reps: the duplicate (2) owns 1-3, the one that stays (1) owns 4. */
  setup_sql (f,
             "UPDATE opportunity SET rep_id = 3 - rep_id;"
             "UPDATE customer SET rep_id = 2 WHERE id = 1;"
             "INSERT INTO worklog_entry (rep_id, day, prospects, revenue, summary, problems) VALUES"
             "  (1, '2026-03-02', 3, 1000, 'b', ''), (2, '2026-03-02', 2, 500, 'a', 'p'),"
             "  (2, '2026-03-03', 1, 0, '', '');"
             "INSERT INTO history_order (order_day, amount, region_id, rep_id) VALUES"
             "  ('2025-04-01', 700, 2, 2), ('2025-04-02', 800, 1, 1);"
             "INSERT INTO plan (id, fiscal_year) VALUES (1, 2026), (2, 2027);"
             "INSERT INTO plan_commitment (plan_id, rep_id, amount) VALUES"
             "  (1, 1, 100), (1, 2, 50), (2, 2, 70);"
             "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id,"
             "                            amount, locked) VALUES"
             "  (1, 'month', '2026-01-01', 'rep', 1, 10, 0), (1, 'month', '2026-01-01', 'rep', 2, 5, 1),"
             "  (1, 'month', '2026-02-01', 'rep', 2, 7, 0), (1, 'month', '2026-01-01', 'region', 2, 9, 0);"
             "INSERT INTO meeting (id, kind, scheduled_at) VALUES (1, 'weekly', '2026-03-02 09:00');"
             "INSERT INTO action_item (meeting_id, rep_id, text) VALUES (1, 2, 'call');");
  before = hash (f);

  g_assert_true (sp_rep_merge (f->store, from, into, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE rep_id = 2",
                                              tables[i]);

      assert_rows (f, sql, "0");
    }
  assert_rows (f, "SELECT id, name, region_id, hired_on, left_on FROM rep",
               "1|Zhang San|1|2026-01-15|-");
  /* The same day summed, notes one per line. */
  assert_rows (f, "SELECT rep_id, day, prospects, revenue, summary, problems FROM worklog_entry"
                  " ORDER BY day", "1|2026-03-02|5|1500|b\na|p;1|2026-03-03|1|0||");
  assert_rows (f, "SELECT id, rep_id FROM opportunity ORDER BY id", "1|1;2|1;3|1;4|1");
  assert_rows (f, "SELECT amount, rep_id FROM history_order ORDER BY id", "700|1;800|1");
  assert_rows (f, "SELECT plan_id, rep_id, amount FROM plan_commitment ORDER BY plan_id",
               "1|1|150;2|1|70");
  assert_rows (f, "SELECT period_start, dimension, member_id, amount, locked FROM breakdown_cell"
                  " ORDER BY dimension, period_start",
               "2026-01-01|region|2|9|0;2026-01-01|rep|1|15|1;2026-02-01|rep|1|7|0");
  assert_rows (f, "SELECT rep_id FROM action_item", "1");
  assert_rows (f, "SELECT id, coalesce (rep_id, '-') FROM customer ORDER BY id", "1|1;2|-");
  assert_rows (f, "SELECT rep_id, region_id, from_day FROM rep_region", "1|1|2026-03-01");
  assert_undo_redo (f, before, "Merge reps");
}

/* ---- regions ------------------------------------------------------------------------- */

static void
test_region_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autofree char *before = hash (f);
  g_autofree char *renamed = NULL;
  gint64 north;
  GError *e = NULL;
  gboolean ok;

  g_assert_true (sp_region_rename (f->store, f->east, " 华东 ", &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT id, name FROM region ORDER BY id", "1|华东;2|West");
  assert_undo_redo (f, before, "Rename region");
  g_assert_cmpint (sp_region_find_by_name (f->store, "华东", NULL), ==, f->east);

  renamed = hash (f);
  ok = sp_region_rename (f->store, f->east, "West", &e);
  assert_refused (f, renamed, ok, e, SP_STORE_ERROR_INVALID, "There is already a region named “West”");
  g_clear_error (&e);
  ok = sp_region_rename (f->store, f->east, "", &e);
  assert_refused (f, renamed, ok, e, SP_STORE_ERROR_INVALID, "A region needs a name");
  g_clear_error (&e);
  ok = sp_region_find_by_name (f->store, "North", &e) != 0;
  assert_refused (f, renamed, ok, e, SP_STORE_ERROR_NOT_FOUND, "There is no region named “North”");
  g_clear_error (&e);

  hire (f, "Zhang San", f->east, NULL);
  setup_sql (f, "INSERT INTO history_order (order_day, amount, region_id) VALUES ('2025-01-02', 1, 2);");
  renamed = (g_free (renamed), hash (f));
  ok = sp_region_remove (f->store, f->east, &e);
  assert_refused (f, renamed, ok, e, SP_STORE_ERROR_INVALID,
                  "Region “华东” still has reps, or had some; move them to another region or "
                  "merge them first");
  g_clear_error (&e);
  ok = sp_region_remove (f->store, f->west, &e);
  assert_refused (f, renamed, ok, e, SP_STORE_ERROR_INVALID,
                  "Region “West” is used by history orders, customers or plan figures and "
                  "cannot be removed");
  g_clear_error (&e);

  north = sp_region_add (f->store, "North", &error);
  g_assert_no_error (error);
  before = (g_free (before), hash (f));
  g_assert_true (sp_region_remove (f->store, north, &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT count (*) FROM region", "2");
  assert_undo_redo (f, before, "Remove region");

  regions = sp_region_list (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
  {
    g_autoptr(SpRegion) first = g_list_model_get_item (regions, 0);

    g_assert_cmpstr (sp_region_get_name (first), ==, "华东");
    g_assert_cmpuint (sp_region_get_rep_count (first), ==, 1);
  }
}

/* ---- products and customer types ----------------------------------------------------- */

static void
test_catalog (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *before = hash (f);
  g_autofree char *added = NULL;
  gint64 phone, laptop, retail;
  GError *e = NULL;
  gboolean ok;

  phone = sp_catalog_add (f->store, SP_CATALOG_PRODUCT, " Phone ", &error);
  g_assert_no_error (error);
  assert_rows (f, "SELECT id, name FROM product", "1|Phone");
  assert_undo_redo (f, before, "Add product");
  laptop = sp_catalog_add (f->store, SP_CATALOG_PRODUCT, "Laptop", &error);
  retail = sp_catalog_add (f->store, SP_CATALOG_CUSTOMER_TYPE, "Retail", &error);
  g_assert_no_error (error);
  setup_sql (f, "INSERT INTO history_order (order_day, amount, product_id, customer_type_id)"
                "  VALUES ('2025-01-02', 1, 1, 1), ('2025-01-03', 1, 1, NULL);");
  added = hash (f);

  ok = sp_catalog_add (f->store, SP_CATALOG_PRODUCT, "Laptop", &e) != 0;
  assert_refused (f, added, ok, e, SP_STORE_ERROR_INVALID, "There is already a product named “Laptop”");
  g_clear_error (&e);
  ok = sp_catalog_add (f->store, SP_CATALOG_CUSTOMER_TYPE, " ", &e) != 0;
  assert_refused (f, added, ok, e, SP_STORE_ERROR_INVALID, "A customer type needs a name");
  g_clear_error (&e);
  ok = sp_catalog_rename (f->store, SP_CATALOG_PRODUCT, phone, "Laptop", &e);
  assert_refused (f, added, ok, e, SP_STORE_ERROR_INVALID, "There is already a product named “Laptop”");
  g_clear_error (&e);
  ok = sp_catalog_remove (f->store, SP_CATALOG_PRODUCT, phone, &e);
  assert_refused (f, added, ok, e, SP_STORE_ERROR_INVALID,
                  "Product “Phone” is used by history orders, opportunities or plan figures and "
                  "cannot be removed");
  g_clear_error (&e);
  ok = sp_catalog_remove (f->store, SP_CATALOG_CUSTOMER_TYPE, retail, &e);
  assert_refused (f, added, ok, e, SP_STORE_ERROR_INVALID,
                  "Customer type “Retail” is used by history orders, customers or plan figures "
                  "and cannot be removed");
  g_clear_error (&e);
  ok = sp_catalog_find_by_name (f->store, SP_CATALOG_CUSTOMER_TYPE, "Wholesale", &e) != 0;
  assert_refused (f, added, ok, e, SP_STORE_ERROR_NOT_FOUND,
                  "There is no customer type named “Wholesale”");
  g_clear_error (&e);

  items = sp_catalog_list (f->store, SP_CATALOG_PRODUCT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  {
    g_autoptr(SpCatalogItem) first = g_list_model_get_item (items, 0);
    g_autoptr(SpCatalogItem) second = g_list_model_get_item (items, 1);

    g_assert_cmpstr (sp_catalog_item_get_name (first), ==, "Laptop");
    g_assert_cmpuint (sp_catalog_item_get_use_count (first), ==, 0);
    g_assert_cmpstr (sp_catalog_item_get_name (second), ==, "Phone");
    g_assert_cmpuint (sp_catalog_item_get_use_count (second), ==, 2);
  }

  g_assert_true (sp_catalog_rename (f->store, SP_CATALOG_CUSTOMER_TYPE, retail, "零售", &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT name FROM customer_type", "零售");
  assert_undo_redo (f, added, "Rename customer type");

  before = (g_free (before), hash (f));
  g_assert_true (sp_catalog_remove (f->store, SP_CATALOG_PRODUCT, laptop, &error));
  g_assert_no_error (error);
  assert_rows (f, "SELECT name FROM product", "Phone");
  assert_undo_redo (f, before, "Remove product");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/team/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("rep/hire", test_rep_hire);
  ADD ("rep/refusals", test_rep_refusals);
  ADD ("rep/rename-and-hire-date", test_rep_rename_and_hire_date);
  ADD ("rep/move", test_rep_move);
  ADD ("rep/leave-handover", test_rep_leave_handover);
  ADD ("rep/merge", test_rep_merge);
  ADD ("region/edits", test_region_edits);
  ADD ("catalog", test_catalog);
#undef ADD

  return g_test_run ();
}
