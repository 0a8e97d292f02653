/* test-demo.c — the demo workspace: deterministic, plausible, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "sp-demo.h"
#include "sp-store-private.h"

#define SEED 20261122u

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Workspace;

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  ws->dir = g_dir_make_tmp ("sp-demo-XXXXXX", &error);
  g_assert_no_error (error);
  ws->path = g_build_filename (ws->dir, "workspace.db", NULL);
  ws->store = sp_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws->store);
}

static void
workspace_close (Workspace *ws)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&ws->store);
  dir = g_dir_open (ws->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (ws->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
  g_clear_pointer (&ws->path, g_free);
}

static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 18, G_DATE_MARCH, 2026);
}

static void
generate_demo (Workspace *ws,
               guint64    seed)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  set_today (&today);
  g_assert_true (sp_demo_generate (ws->store, SP_DEMO_SIZE_DEMO, seed, &today, NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
}

static char *
hash_of (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  char *hash = sp_store_content_hash (ws->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  return hash;
}

static gint64
query (Workspace  *ws,
       const char *sql)
{
  sqlite3 *db = sp_store_get_db (ws->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_deterministic (void)
{
  Workspace a = { 0 }, b = { 0 }, c = { 0 };
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_c = NULL;

  workspace_open (&a);
  workspace_open (&b);
  workspace_open (&c);
  generate_demo (&a, SEED);
  generate_demo (&b, SEED);
  generate_demo (&c, SEED + 1);

  hash_a = hash_of (&a);
  hash_b = hash_of (&b);
  hash_c = hash_of (&c);
  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, !=, hash_c);

  /* Same structure whatever the seed. */
  g_assert_cmpint (query (&c, "SELECT count(*) FROM rep"), ==, 12);

  workspace_close (&a);
  workspace_close (&b);
  workspace_close (&c);
}

static void
test_content (void)
{
  Workspace ws = { 0 };
  g_autofree char *currency = NULL;
  gint64 last_year, target, working_days, logged;

  workspace_open (&ws);
  generate_demo (&ws, SP_DEMO_DEFAULT_SEED);

  g_assert_cmpint (query (&ws, "SELECT count(*) FROM region"), ==, 3);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM rep"), ==, 12);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM (SELECT region_id FROM rep GROUP BY region_id"
                               " HAVING count(*) = 4)"), ==, 3);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM rep_region"), ==, 12);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM rep WHERE hired_on >= '2026-01-01'"), ==, 1);
  g_assert_cmpint (query (&ws, "SELECT count(DISTINCT hired_on) FROM rep"), ==, 12);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM product"), ==, 4);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM customer_type"), ==, 3);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM customer"), ==, 150);
  g_assert_cmpint (query (&ws, "SELECT count(DISTINCT class) FROM customer"), ==, 3);
  currency = sp_store_get_setting (ws.store, "currency");
  g_assert_cmpstr (currency, ==, "CNY");

  /* History: two years up to yesterday, nothing negative. */
  g_assert_cmpint (query (&ws, "SELECT min(order_day) >= '2024-03-18' AND max(order_day) <= "
                               "'2026-03-17' FROM history_order"), ==, 1);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM history_order"), >, 2000);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM history_order WHERE amount <= 0"), ==, 0);
  /* Q4 beats Q1 in a full year (Spring Festival dip, year-end push). */
  g_assert_cmpint (query (&ws, "SELECT sum(amount) FROM history_order WHERE order_day"
                               " BETWEEN '2025-10-01' AND '2025-12-31'"), >,
                   query (&ws, "SELECT sum(amount) FROM history_order WHERE order_day"
                               " BETWEEN '2025-01-01' AND '2025-03-31'"));

  /* Work log: working days only, funnel order, orders match the history of the day. */
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry"), >, 4000);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry"
                               " WHERE strftime('%w', day) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry WHERE day IN"
                               " (SELECT day FROM holiday)"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry WHERE day >= '2026-03-18'"
                               " OR day < '2024-03-18'"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry w JOIN rep r ON r.id = w.rep_id"
                               " WHERE w.day < r.hired_on"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry WHERE NOT (prospects >= "
                               "appointments AND appointments >= presentations AND presentations"
                               " >= objections AND objections >= closes)"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry WHERE orders != closes"
                               " OR new_customers + repeat_purchases != orders"
                               " OR revenue < 0 OR collected < 0"
                               " OR (orders = 0) != (revenue = 0)"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry w WHERE revenue != (SELECT"
                               " coalesce(sum(amount), 0) FROM history_order h"
                               " WHERE h.rep_id = w.rep_id AND h.order_day = w.day)"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry WHERE summary = ''"), ==, 0);
  /* Roughly 5% forgotten and a few sick days: not every working day has a row. */
  working_days = query (&ws, "WITH RECURSIVE d (day) AS (SELECT '2024-03-18' UNION ALL"
                             " SELECT date (day, '+1 day') FROM d WHERE day < '2026-03-17')"
                             " SELECT count(*) FROM d WHERE strftime('%w', day) NOT IN ('0', '6')"
                             " AND day NOT IN (SELECT day FROM holiday)");
  logged = query (&ws, "SELECT count(*) FROM worklog_entry w JOIN rep r ON r.id = w.rep_id"
                       " WHERE r.name = '张伟'");
  g_assert_cmpint (logged, <, working_days * 97 / 100);
  g_assert_cmpint (logged, >, working_days * 85 / 100);

  /* Pipeline. */
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM pipeline_stage"), ==, 6);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity"), ==, 300);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity WHERE amount < 0 OR invoiced < 0"
                               " OR collected < 0 OR collected > invoiced OR invoiced > amount"),
                   ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity o JOIN pipeline_stage s"
                               " ON s.id = o.stage_id WHERE (s.outcome = 'open')"
                               " != (o.closed_on IS NULL)"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(DISTINCT s.outcome) FROM opportunity o"
                               " JOIN pipeline_stage s ON s.id = o.stage_id"), ==, 3);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity o JOIN pipeline_stage s"
                               " ON s.id = o.stage_id WHERE s.outcome = 'lost'"
                               " AND o.lost_reason = ''"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity_stage_history a"
                               " JOIN opportunity_stage_history b ON b.opportunity_id ="
                               " a.opportunity_id AND b.id > a.id AND b.entered_on <"
                               " a.entered_on"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity o WHERE o.stage_id IS NOT"
                               " (SELECT stage_id FROM opportunity_stage_history h WHERE"
                               " h.opportunity_id = o.id ORDER BY h.id DESC LIMIT 1)"
                               " OR o.created_on IS NOT (SELECT min(entered_on) FROM"
                               " opportunity_stage_history h WHERE h.opportunity_id = o.id)"),
                   ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM opportunity WHERE closed_on >= '2026-03-18'"
                               " OR created_on >= '2026-03-18'"), ==, 0);

  /* The plan: last year * 1.15 rounded to ¥10,000, sprint 1.25x, challenge 1.4x. */
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM plan WHERE fiscal_year = 2026"), ==, 1);
  last_year = query (&ws, "SELECT sum(amount) FROM history_order WHERE order_day"
                          " BETWEEN '2025-01-01' AND '2025-12-31'");
  target = query (&ws, "SELECT target FROM plan");
  g_assert_cmpint (target % 1000000, ==, 0);
  g_assert_cmpint (ABS (target - last_year * 115 / 100), <=, 500000);
  g_assert_cmpint (query (&ws, "SELECT sprint * 100 = target * 125 AND challenge * 100 ="
                               " target * 140 FROM plan"), ==, 1);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM plan_commitment"), ==, 12);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM plan_commitment WHERE amount <= 0"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM plan_adjustment"), ==, 4);
  g_assert_cmpint (query (&ws, "SELECT count(DISTINCT kind) FROM ogsmt_item"), ==, 4);

  /* Meetings, holidays. */
  g_assert_cmpint (query (&ws, "SELECT count(DISTINCT kind) FROM meeting"), ==, 8);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM action_item"), >, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM holiday WHERE day = '2026-10-01'"
                               " AND name = '国庆节'"), ==, 1);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM holiday WHERE day < '2024-01-01'"), ==, 0);

  /* Not an undoable step, and the file is sound. */
  g_assert_false (sp_store_can_undo (ws.store));
  g_assert_false (sp_store_can_redo (ws.store));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sp_store_check (ws.store, &error));
    g_assert_no_error (error);
  }

  workspace_close (&ws);
}

static void
test_refuses_non_empty (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate today;

  set_today (&today);
  workspace_open (&ws);
  generate_demo (&ws, SEED);
  before = hash_of (&ws);

  g_assert_false (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SEED, &today, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  after = hash_of (&ws);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sp_store_can_undo (ws.store));
  workspace_close (&ws);

  /* A single region is enough to refuse. */
  g_clear_error (&error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  workspace_open (&ws);
  g_assert_true (sp_sql_exec (sp_store_get_db (ws.store),
                              "INSERT INTO region (name) VALUES ('华东区')", &error));
  before = hash_of (&ws);
  g_assert_false (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SEED, &today, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  after = hash_of (&ws);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM setting"), ==, 0);
  workspace_close (&ws);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  guint         cancel_at;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  if (++p->calls == p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  GDate today;

  set_today (&today);
  workspace_open (&ws);
  g_assert_true (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SEED, &today, progress_cb, &p,
                                   NULL, &error));
  g_assert_no_error (error);
  /* About every 1%, ending at exactly 1. */
  g_assert_cmpuint (p.calls, >=, 50);
  g_assert_cmpuint (p.calls, <=, 110);
  g_assert_cmpfloat (p.last, ==, 1.0);
  workspace_close (&ws);
}

static void
test_cancel (gconstpointer data)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress p = { cancellable, 0, 0, GPOINTER_TO_UINT (data) };
  GDate today;

  set_today (&today);
  workspace_open (&ws);
  before = hash_of (&ws);

  g_assert_false (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SEED, &today, progress_cb, &p,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.calls, ==, p.cancel_at);
  after = hash_of (&ws);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM region"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM rep"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM worklog_entry"), ==, 0);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM holiday"), ==, 0);
  g_assert_false (sp_store_can_undo (ws.store));

  /* Still usable: a second run completes. */
  g_clear_error (&error);
  g_assert_true (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SEED, &today, NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (&ws, "SELECT count(*) FROM rep"), ==, 12);
  workspace_close (&ws);
}

static void
test_size_from_string (void)
{
  SpDemoSize size = SP_DEMO_SIZE_LARGE;

  g_assert_true (sp_demo_size_from_string ("demo", &size));
  g_assert_cmpint (size, ==, SP_DEMO_SIZE_DEMO);
  g_assert_true (sp_demo_size_from_string ("large", &size));
  g_assert_cmpint (size, ==, SP_DEMO_SIZE_LARGE);
  g_assert_false (sp_demo_size_from_string ("LARGE", &size));
  g_assert_false (sp_demo_size_from_string ("", &size));
  g_assert_false (sp_demo_size_from_string ("huge", &size));
  g_assert_false (sp_demo_size_from_string (NULL, &size));
  g_assert_cmpint (size, ==, SP_DEMO_SIZE_LARGE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/content", test_content);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/progress", test_progress);
  g_test_add_data_func ("/demo/cancel/first-report", GUINT_TO_POINTER (1), test_cancel);
  g_test_add_data_func ("/demo/cancel/midway", GUINT_TO_POINTER (40), test_cancel);
  g_test_add_func ("/demo/size-from-string", test_size_from_string);

  return g_test_run ();
}
