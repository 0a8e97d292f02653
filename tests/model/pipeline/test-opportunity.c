/* test-opportunity.c — opportunities: stage changes keep the history and closed_on, and a
 * funnel stage's list matches the funnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "sp-metrics.h"
#include "sp-opportunity.h"
#include "sp-region.h"
#include "sp-rep.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  gint64   rep_a;
  gint64   rep_b;
  gint64   region_b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 region_a;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  sp_opportunity_ensure_stages (f->store, &error);
  g_assert_no_error (error);
  region_a = sp_region_add (f->store, "East", &error);
  g_assert_no_error (error);
  f->region_b = sp_region_add (f->store, "West", &error);
  g_assert_no_error (error);
  f->rep_a = sp_rep_add (f->store, "Li Lei", region_a, &error);
  g_assert_no_error (error);
  f->rep_b = sp_rep_add (f->store, "Han Meimei", f->region_b, &error);
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

static gint64
stage (Fixture    *f,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_opportunity_find_stage (f->store, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add (Fixture    *f,
     gint64      rep,
     const char *stage_name,
     gint64      amount,
     const char *created)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_opportunity_add (f->store, "Deal", 0, rep, stage (f, stage_name), amount,
                                  created, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (Fixture    *f,
      gint64      id,
      const char *stage_name,
      const char *day)
{
  g_autoptr(GError) error = NULL;

  sp_opportunity_set_stage (f->store, id, stage (f, stage_name), day, &error);
  g_assert_no_error (error);
}

static char *
history (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new ("");

  stmt = sp_sql_prepare (sp_store_get_db (f->store),
                         "SELECT s.name, h.entered_on FROM opportunity_stage_history h"
                         " JOIN pipeline_stage s ON s.id = h.stage_id"
                         " WHERE h.opportunity_id = ? ORDER BY h.id", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s %s", out->len > 0 ? ", " : "",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  return g_string_free (out, FALSE);
}

static void
test_stage_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpOpportunity) o = NULL;
  g_autofree char *h = NULL;
  gint64 id = add (f, f->rep_a, "Lead", 100000, "2026-01-05");

  move (f, id, "Qualified", "2026-01-10");
  move (f, id, "Won", "2026-02-01");
  h = history (f, id);
  g_assert_cmpstr (h, ==, "Lead 2026-01-05, Qualified 2026-01-10, Won 2026-02-01");
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->closed_on, ==, "2026-02-01");
  g_assert_cmpstr (o->stage, ==, "Won");
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Move opportunity");

  /* Reopen: closed_on cleared, one more history row. */
  move (f, id, "谈判", "2026-02-03");
  g_clear_pointer (&o, sp_opportunity_free);
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (o->closed_on);
  g_assert_cmpstr (o->stage, ==, "Negotiation");
  g_clear_pointer (&h, g_free);
  h = history (f, id);
  g_assert_cmpstr (h, ==, "Lead 2026-01-05, Qualified 2026-01-10, Won 2026-02-01,"
                   " Negotiation 2026-02-03");

  /* One undo step brings back the won state. */
  sp_store_undo (f->store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&o, sp_opportunity_free);
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->closed_on, ==, "2026-02-01");
  g_clear_pointer (&h, g_free);
  h = history (f, id);
  g_assert_cmpstr (h, ==, "Lead 2026-01-05, Qualified 2026-01-10, Won 2026-02-01");

  /* A change dated before the last one is refused. */
  g_assert_false (sp_opportunity_set_stage (f->store, id, stage (f, "Lead"), "2026-01-20",
                                            &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Created directly as lost: closed on its created date. */
  g_clear_pointer (&o, sp_opportunity_free);
  o = sp_opportunity_get (f->store, add (f, f->rep_a, "Lost", 5, "2026-03-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->closed_on, ==, "2026-03-01");
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpOpportunity) o = NULL;
  gint64 id = add (f, f->rep_a, "Lead", 100, "2026-01-05");

  g_assert_false (sp_opportunity_update (f->store, id, 100, NULL, 50, 60, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sp_opportunity_update (f->store, id, 200, "2026-04-30", 60, 50, &error));
  g_assert_no_error (error);
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (o->amount, ==, 200);
  g_assert_cmpstr (o->expected_close, ==, "2026-04-30");
  g_assert_cmpint (o->invoiced, ==, 60);
  g_assert_cmpint (o->collected, ==, 50);
  g_assert_false (sp_opportunity_update (f->store, 999, 1, NULL, 0, 0, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
}

static void
check_funnel (Fixture               *f,
              const SpMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMetricsFunnel) funnel = sp_metrics_get_funnel (f->store, filter, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < funnel->n_stages; i++)
    {
      SpMetricsStage *s = &funnel->stages[i];
      g_autoptr(GPtrArray) list = sp_opportunity_list_stage (f->store, filter, s->stage_id,
                                                             &error);
      gint64 amount = 0;

      g_assert_no_error (error);
      for (guint j = 0; j < list->len; j++)
        amount += ((SpOpportunity *) g_ptr_array_index (list, j))->amount;
      if (!s->won)
        {
          g_assert_cmpint (list->len, ==, s->open_count);
          g_assert_cmpint (amount, ==, s->open_amount);
        }
    }
}

static void
test_list_stage (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SpMetricsFilter filter;
  SpOpportunity *o;
  gint64 a, b, c, d;

  a = add (f, f->rep_a, "Lead", 1000, "2026-01-02");
  move (f, a, "Proposal", "2026-01-20");
  b = add (f, f->rep_b, "Lead", 2000, "2026-01-03");
  c = add (f, f->rep_b, "Lead", 3000, "2026-01-04");
  move (f, c, "Qualified", "2026-01-10");
  move (f, c, "Won", "2026-02-10");
  d = add (f, f->rep_a, "Qualified", 4000, "2026-02-01");
  move (f, d, "Lost", "2026-02-15");
  move (f, d, "Negotiation", "2026-03-01");   /* reopened */

  for (int pass = 0; pass < 4; pass++)
    {
      sp_metrics_filter_init_iso (&filter, "2026-01-01",
                                  pass % 2 == 0 ? "2026-01-31" : "2026-03-31", &error);
      g_assert_no_error (error);
      if (pass == 2)
        filter.rep_id = f->rep_a;
      if (pass == 3)
        filter.region_id = f->region_b;
      check_funnel (f, &filter);
    }

  /* January's end: a in Proposal since the 20th, b in Lead, c in Qualified. */
  sp_metrics_filter_init_iso (&filter, "2026-01-01", "2026-01-31", &error);
  list = sp_opportunity_list_stage (f->store, &filter, sp_opportunity_find_stage (f->store, "Proposal", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  o = g_ptr_array_index (list, 0);
  g_assert_cmpint (o->id, ==, a);
  g_assert_cmpstr (o->rep, ==, "Li Lei");
  g_assert_cmpint (o->days_in_stage, ==, 11);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Won in Q1: c, 0 days in Won at its close. */
  sp_metrics_filter_init_iso (&filter, "2026-01-01", "2026-03-31", &error);
  list = sp_opportunity_list_stage (f->store, &filter, sp_opportunity_find_stage (f->store, "Won", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SpOpportunity *) g_ptr_array_index (list, 0))->id, ==, c);
  (void) b;
}

/* Days in stage run to the period's end or today, the earlier: a deal created today has been
 * in its stage 0 days, not until the end of a period that has not yet ended. */
static void
test_days_to_today (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 20);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (after, "%Y-%m-%d");
  SpMetricsFilter filter;
  gint64 a, b;

  a = add (f, f->rep_a, "Lead", 1000, from);
  b = add (f, f->rep_b, "Lead", 2000, today);
  sp_metrics_filter_init_iso (&filter, from, to, &error);
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) list = NULL;
      SpOpportunity *o;

      if (pass == 0)
        list = sp_opportunity_list_stage (f->store, &filter, stage (f, "Lead"), &error);
      else
        list = sp_opportunity_list_reached (f->store, &filter, stage (f, "Lead"), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 2);
      o = g_ptr_array_index (list, 0);
      g_assert_cmpint (o->id, ==, a);
      g_assert_cmpint (o->days_in_stage, ==, 3);
      o = g_ptr_array_index (list, 1);
      g_assert_cmpint (o->id, ==, b);
      g_assert_cmpint (o->days_in_stage, ==, 0);
    }
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpOpportunity) o = NULL;
  g_autofree char *h = NULL;
  SpOpportunityEdit edit = {
    .title = "  Campus network  ",
    .customer = "Acme",
    .customer_class = SP_CUSTOMER_CLASS_STRATEGIC,
    .intent_grade = "A",
    .rep_id = f->rep_a,
    .amount = 500000,
    .created_on = "2026-03-02",
    .expected_close = "2026-05-31",
    .stage_id = stage (f, "Lead"),
    .invoiced = 0,
    .collected = 0,
  };
  SpOpportunityEdit bad;
  gint64 id, again;

  id = sp_opportunity_save (f->store, 0, &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Add opportunity");
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->title, ==, "Campus network");
  g_assert_cmpstr (o->customer, ==, "Acme");
  g_assert_cmpstr (o->customer_class, ==, "strategic");
  g_assert_cmpstr (o->intent_grade, ==, "A");
  g_assert_cmpstr (o->created_on, ==, "2026-03-02");
  g_clear_pointer (&o, sp_opportunity_free);

  /* Every rule, each leaving the workspace as it was. */
  bad = edit, bad.title = " ";
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.expected_close = "2026-03-01";
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.invoiced = 10, bad.collected = 11;
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.amount = -1;
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.intent_grade = "E";
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.created_on = "2026-02-30";
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = edit, bad.rep_id = 999;
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bad = edit, bad.stage_id = stage (f, "Won"), bad.stage_on = "2026-03-01";   /* before creation */
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Add opportunity");

  /* One step: new creation day (the first history row follows), customer class, amounts and
   * the move to Won on 04-15 with its history row and closed_on. */
  edit.created_on = "2026-03-01";
  edit.customer_class = SP_CUSTOMER_CLASS_INDUSTRY;
  edit.intent_grade = "B";
  edit.rep_id = f->rep_b;
  edit.stage_id = stage (f, "Won");
  edit.stage_on = "2026-04-15";
  edit.invoiced = 300000;
  edit.collected = 200000;
  again = sp_opportunity_save (f->store, id, &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Edit opportunity");
  h = history (f, id);
  g_assert_cmpstr (h, ==, "Lead 2026-03-01, Won 2026-04-15");
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->closed_on, ==, "2026-04-15");
  g_assert_cmpstr (o->rep, ==, "Han Meimei");
  g_assert_cmpstr (o->customer_class, ==, "industry");
  g_assert_cmpstr (o->intent_grade, ==, "B");
  g_assert_cmpint (o->collected, ==, 200000);
  g_clear_pointer (&o, sp_opportunity_free);

  /* A creation day after the last stage change is refused. */
  bad = edit, bad.created_on = "2026-04-20", bad.expected_close = NULL;
  g_assert_cmpint (sp_opportunity_save (f->store, id, &bad, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo takes the whole edit back. */
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&h, g_free);
  h = history (f, id);
  g_assert_cmpstr (h, ==, "Lead 2026-03-02");
  o = sp_opportunity_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (o->closed_on);
  g_assert_cmpstr (o->customer_class, ==, "strategic");
  g_assert_cmpint (o->rep_id, ==, f->rep_a);
}

static void
test_pipeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = sp_opportunity_list_pipeline (f->store, &error);
  const char *outcomes[] = { "open", "open", "open", "open", "won", "lost" };

  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 6);
  for (guint i = 0; i < stages->len; i++)
    g_assert_cmpstr (((SpPipelineStage *) g_ptr_array_index (stages, i))->outcome, ==,
                     outcomes[i]);
  g_assert_cmpstr (((SpPipelineStage *) g_ptr_array_index (stages, 0))->name, ==, "Lead");
  for (int k = 0; k < SP_CUSTOMER_N_CLASSES; k++)
    g_assert_cmpint (sp_customer_class_from_string (sp_customer_class_to_string (k)), ==, k);
  g_assert_cmpint (sp_customer_class_from_string ("vip"), ==, -1);
  g_assert_cmpstr (sp_customer_class_get_name (SP_CUSTOMER_CLASS_SCATTERED), ==,
                   "Scattered customer");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/opportunity/stage-history", Fixture, NULL, fixture_set_up, test_stage_history,
              fixture_tear_down);
  g_test_add ("/opportunity/update", Fixture, NULL, fixture_set_up, test_update,
              fixture_tear_down);
  g_test_add ("/opportunity/list-stage", Fixture, NULL, fixture_set_up, test_list_stage,
              fixture_tear_down);
  g_test_add ("/opportunity/days-to-today", Fixture, NULL, fixture_set_up, test_days_to_today,
              fixture_tear_down);
  g_test_add ("/opportunity/save", Fixture, NULL, fixture_set_up, test_save,
              fixture_tear_down);
  g_test_add ("/opportunity/pipeline", Fixture, NULL, fixture_set_up, test_pipeline,
              fixture_tear_down);
  return g_test_run ();
}
