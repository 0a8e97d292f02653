/* bench-workload.c — the Workload view's data at 500 reps: rep by rep against batched
 *
 * Usage: bench-workload [PATH]
 *   PATH: a workspace to use; generated (large demo) there when it does not exist. Without
 *   PATH a large demo workspace is generated in a temporary folder and removed afterwards.
 *
 * Times what the Workload view reads for its table (this month, every active rep and the
 * team): each rep's workload inputs (target from the plan and the breakdown, rates and
 * average order value from the last 90 days of the log) and what the log shows so far.
 * "Before" is the path the view used to take, sp_rep_workload_init() and
 * sp_worklog_summarize() per rep (a few queries each); "after" is
 * sp_rep_workload_init_all() and sp_worklog_summarize_reps() (a fixed number of queries).
 * Rep by rep runs once (it takes minutes), batched RUNS times after a warm-up round.
 * The two must give the same figures for every rep (exit status 1 otherwise), and the
 * statements each runs are counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-model.h"
#include "sp-rep-workload.h"
#include "sp-store-private.h"

/* Rounds of the batched path; rep by rep takes long enough at 500 reps that one round (after
 * a warm-up of the batched path) says enough. */
#define RUNS 5

typedef struct
{
  GArray           *ids;       /* gint64: the active reps, then 0 for the team */
  SpRepWorkload    *workloads; /* parallel to ids */
  SpWorklogSummary *actuals;   /* parallel to ids */
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->workloads, g_free);
  g_clear_pointer (&table->actuals, g_free);
}

static gboolean
rates_equal (const SpWorkloadRates *a,
             const SpWorkloadRates *b)
{
  return memcmp (a->sums, b->sums, sizeof a->sums) == 0
         && a->orders == b->orders && a->revenue == b->revenue
         && a->logged_days == b->logged_days
         && memcmp (a->rates, b->rates, sizeof a->rates) == 0
         && a->avg_order_value == b->avg_order_value;
}

static gboolean
workloads_equal (const SpRepWorkload *a,
                 const SpRepWorkload *b)
{
  return a->input.target == b->input.target
         && a->input.avg_order_value == b->input.avg_order_value
         && memcmp (a->input.rates, b->input.rates, sizeof a->input.rates) == 0
         && a->input.working_days == b->input.working_days
         && rates_equal (&a->history, &b->history)
         && a->used_team == b->used_team && a->has_plan == b->has_plan
         && a->enough == b->enough;
}

static gboolean
summaries_equal (const SpWorklogSummary *a,
                 const SpWorklogSummary *b)
{
  return g_date_compare (&a->first, &b->first) == 0 && g_date_compare (&a->last, &b->last) == 0
         && memcmp (a->totals, b->totals, sizeof a->totals) == 0
         && a->entries == b->entries && a->logged_days == b->logged_days;
}

static int
count_cb (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  guint *statements = data;

  if (type == SQLITE_TRACE_PROFILE)
    (*statements)++;
  return 0;
}

static void
load_before (SpPreferences *preferences,
             const GDate   *first,
             const GDate   *last,
             const GDate   *today,
             Table         *table)
{
  SpStore *store = sp_preferences_get_store (preferences);
  g_autoptr(GError) error = NULL;
  guint n_active = sp_rep_workload_count_active (store, NULL);
  guint n = table->ids->len;

  table->workloads = g_new0 (SpRepWorkload, n);
  table->actuals = g_new0 (SpWorklogSummary, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (table->ids, gint64, i);

      if (!sp_rep_workload_init (&table->workloads[i], preferences, id, n_active, first, last,
                                 today, &error)
          || !sp_worklog_summarize (store, id, 0, first, today, &table->actuals[i], &error))
        g_error ("%s", error->message);
    }
}

static void
load_after (SpPreferences *preferences,
            const GDate   *first,
            const GDate   *last,
            const GDate   *today,
            Table         *table)
{
  SpStore *store = sp_preferences_get_store (preferences);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_rep = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) summaries = NULL;
  guint n_active = sp_rep_workload_count_active (store, NULL);
  guint n = table->ids->len;

  table->workloads = g_new0 (SpRepWorkload, n);
  table->actuals = g_new0 (SpWorklogSummary, n);
  if (!sp_rep_workload_init_all (table->workloads, preferences,
                                 (const gint64 *) table->ids->data, n, n_active, first, last,
                                 today, &error)
      || !(summaries = sp_worklog_summarize_reps (store, first, today, FALSE, &error)))
    g_error ("%s", error->message);

  for (guint i = 0; i < summaries->len; i++)
    {
      SpWorklogRepSummary *rep = &g_array_index (summaries, SpWorklogRepSummary, i);

      g_hash_table_insert (by_rep, &rep->rep_id, &rep->summary);
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (table->ids, gint64, i);
      const SpWorklogSummary *summary = g_hash_table_lookup (by_rep, &id);

      if (id == 0)
        {
          if (!sp_worklog_summarize (store, 0, 0, first, today, &table->actuals[i], &error))
            g_error ("%s", error->message);
        }
      else if (summary != NULL)
        table->actuals[i] = *summary;
      else
        {
          table->actuals[i].first = *first;
          table->actuals[i].last = *today;
        }
    }
}

static double
timed (void (*load) (SpPreferences *, const GDate *, const GDate *, const GDate *, Table *),
       SpPreferences *preferences,
       const GDate   *first,
       const GDate   *last,
       const GDate   *today,
       Table         *table,
       guint         *statements)
{
  sqlite3 *db = sp_store_get_db (sp_preferences_get_store (preferences));
  gint64 start;
  double ms;

  *statements = 0;
  table_clear (table);
  sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, count_cb, statements);
  start = g_get_monotonic_time ();
  load (preferences, first, last, today, table);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  return ms;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *last_iso = NULL;
  double before_ms, after_ms[RUNS];
  guint before_statements = 0, after_statements = 0, mismatches = 0;
  Table before = { 0 }, after = { 0 };
  GDate today, first, last;
  gint64 zero = 0;

  tmp = g_dir_make_tmp ("sp-bench-workload-XXXXXX", &error);
  g_assert_no_error (error);
  path = argc > 1 ? g_strdup (argv[1]) : g_build_filename (tmp, "workspace.db", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      GDateTime *now = g_date_time_new_now_local ();
      gint64 start = g_get_monotonic_time ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      g_date_time_unref (now);

      store = sp_store_open (path, &error);
      if (store == NULL
          || !sp_demo_generate (store, SP_DEMO_SIZE_LARGE, SP_DEMO_DEFAULT_SEED, &today, NULL,
                                NULL, NULL, &error))
        g_error ("%s", error->message);
      g_clear_object (&store);
      g_print ("generated the large demo workspace in %.1f s\n",
               (g_get_monotonic_time () - start) / 1e6);
    }

  store = sp_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);

  /* "Today" is the last logged day, so that the log so far is the month's. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      sp_sql_prepare (sp_store_get_db (store), "SELECT max(day) FROM worklog_entry", &error);

    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW
        || sqlite3_column_type (stmt, 0) == SQLITE_NULL
        || !sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &today))
      g_error ("the workspace has no work log");
  }
  sp_rep_workload_month_of (calendar, &today, &first, &last);
  last_iso = sp_date_format_iso (&today);

  reps = sp_rep_list (store, 0, &error);
  if (reps == NULL)
    g_error ("%s", error->message);
  before.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      if (sp_rep_get_active (rep))
        g_array_append_val (before.ids, id);
    }
  g_array_append_val (before.ids, zero);
  after.ids = g_array_ref (before.ids);
  g_print ("workspace %s\nthis month up to %s, %u active reps and the team\n", path, last_iso,
           before.ids->len - 1);

  /* Warm the caches, then rep by rep once and the batched path RUNS times. */
  timed (load_after, preferences, &first, &last, &today, &after, &after_statements);
  before_ms = timed (load_before, preferences, &first, &last, &today, &before,
                     &before_statements);
  for (guint i = 0; i < RUNS; i++)
    after_ms[i] = timed (load_after, preferences, &first, &last, &today, &after,
                         &after_statements);

  for (guint i = 0; i < before.ids->len; i++)
    if (!workloads_equal (&before.workloads[i], &after.workloads[i])
        || !summaries_equal (&before.actuals[i], &after.actuals[i]))
      {
        g_printerr ("rep %" G_GINT64_FORMAT ": batched differs from rep by rep\n",
                    g_array_index (before.ids, gint64, i));
        mismatches++;
      }

  qsort (after_ms, RUNS, sizeof (double), compare_doubles);
  g_print ("before, rep by rep:  %8.1f ms             %6u statements\n", before_ms,
           before_statements);
  g_print ("after, batched:      min %8.1f ms  median %8.1f ms  %6u statements\n",
           after_ms[0], after_ms[RUNS / 2], after_statements);
  g_print ("speed-up %.1fx; %u of %u rows differ\n", before_ms / after_ms[0], mismatches,
           before.ids->len);

  table_clear (&before);
  table_clear (&after);
  g_array_unref (before.ids);
  g_array_unref (after.ids);
  g_clear_object (&preferences);
  g_clear_object (&store);
  if (argc <= 1)
    remove_dir (tmp);
  else
    g_rmdir (tmp);

  return mismatches == 0 ? 0 : 1;
}
