/* sp-revision.c — target revision (目标修正): baseline kept, the remaining gap re-spread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-allocation.h"
#include "sp-calendar.h"
#include "sp-preferences.h"
#include "sp-revision.h"
#include "sp-scorecard.h"
#include "sp-store-private.h"

#define N_MONTHS 12

struct _SpRevision
{
  GObject  parent_instance;
  gint64   id;
  gint64   plan_id;
  char    *day;
  char    *reason;
  gint64   amount;
};

G_DEFINE_FINAL_TYPE (SpRevision, sp_revision, G_TYPE_OBJECT)

static void
sp_revision_finalize (GObject *object)
{
  SpRevision *self = SP_REVISION (object);

  g_free (self->day);
  g_free (self->reason);
  G_OBJECT_CLASS (sp_revision_parent_class)->finalize (object);
}

static void
sp_revision_class_init (SpRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_revision_finalize;
}

static void
sp_revision_init (SpRevision *self)
{
}

gint64 sp_revision_get_id (SpRevision *self) { return self->id; }
gint64 sp_revision_get_plan_id (SpRevision *self) { return self->plan_id; }
const char *sp_revision_get_day (SpRevision *self) { return self->day; }
const char *sp_revision_get_reason (SpRevision *self) { return self->reason; }
gint64 sp_revision_get_amount (SpRevision *self) { return self->amount; }

gboolean
sp_revision_respread (gint64         new_total,
                      const gint64  *months,
                      const gint64  *weights,
                      guint          n,
                      guint          n_ended,
                      gint64        *out,
                      GError       **error)
{
  g_autofree gboolean *locked = g_new0 (gboolean, MAX (n, 1));

  g_return_val_if_fail (n_ended <= n, FALSE);
  for (guint i = 0; i < n_ended; i++)
    locked[i] = TRUE;
  return sp_allocate (new_total, weights != NULL ? weights : months, months, locked, n, out,
                      NULL, error);
}

/* The plan's fiscal year, its 12 team month cells, and the calendar. */
static gboolean
load_months (SpStore    *store,
             gint64      plan_id,
             int        *out_year,
             gint64     *months,
             GError    **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpPreferences) prefs = sp_preferences_new (store);
  SpCalendar *calendar = NULL;
  int rc;

  stmt = sp_sql_prepare (db, "SELECT fiscal_year FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("There is no such plan"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the plan"));
  *out_year = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  calendar = sp_preferences_dup_calendar (prefs);
  stmt = sp_sql_prepare (db, "SELECT amount FROM breakdown_cell WHERE plan_id = ?1"
                             " AND period_kind = 'month' AND dimension = 'team'"
                             " AND period_start = ?2", error);
  for (guint m = 0; stmt != NULL && m < N_MONTHS; m++)
    {
      GDate first, last;
      g_autofree char *iso = NULL;

      sp_calendar_month_range (calendar, *out_year, m, &first, &last);
      iso = sp_date_format_iso (&first);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      months[m] = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  sp_calendar_free (calendar);
  return stmt != NULL;
}

/* Months whose last day is before @day. */
static guint
count_ended (SpStore     *store,
             int          year,
             const GDate *day)
{
  g_autoptr(SpPreferences) prefs = sp_preferences_new (store);
  SpCalendar *calendar = sp_preferences_dup_calendar (prefs);
  guint n = 0;

  for (guint m = 0; m < N_MONTHS; m++)
    {
      GDate first, last;

      sp_calendar_month_range (calendar, year, m, &first, &last);
      if (g_date_compare (&last, day) < 0)
        n++;
    }
  sp_calendar_free (calendar);
  return n;
}

gint64
sp_revision_add (SpStore      *store,
                 gint64        plan_id,
                 const GDate  *day,
                 const char   *reason,
                 gint64        amount,
                 GError      **error)
{
  gint64 months[N_MONTHS], out[N_MONTHS];
  g_autofree char *iso = sp_date_format_iso (day);
  gint64 id = 0;
  int year;

  if (amount < 0)
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("A target cannot be negative"));
      return 0;
    }
  if (!load_months (store, plan_id, &year, months, error)
      || !sp_revision_respread (amount, months, NULL, N_MONTHS,
                                count_ended (store, year, day), out, error))
    return 0;
  if (!sp_store_begin_edit (store, _("Revise target"), error))
    return 0;
  if (!sp_sql_run (sp_store_get_db (store), NULL, _("Could not save the revision"), &id, error,
                   "INSERT INTO target_revision (plan_id, revised_on, reason, amount)"
                   " VALUES (?, ?, ?, ?)", "itti", plan_id, iso,
                   reason != NULL ? reason : "", amount)
      || !sp_store_commit_edit (store, error))
    {
      if (sp_store_in_edit (store))
        sp_store_rollback_edit (store);
      return 0;
    }
  return id;
}

GListModel *
sp_revision_list (SpStore  *store,
                  gint64    plan_id,
                  GError  **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_REVISION);
  int rc;

  stmt = sp_sql_prepare (db, "SELECT id, revised_on, reason, amount FROM target_revision"
                             " WHERE plan_id = ? ORDER BY revised_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpRevision) revision = g_object_new (SP_TYPE_REVISION, NULL);

      revision->id = sqlite3_column_int64 (stmt, 0);
      revision->plan_id = plan_id;
      revision->day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      revision->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      revision->amount = sqlite3_column_int64 (stmt, 3);
      g_list_store_append (list, revision);
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the revisions")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gboolean
sp_revision_month_targets (SpStore  *store,
                           gint64    plan_id,
                           GArray  **out_baseline,
                           GArray  **out_revised,
                           guint    *out_n_ended,
                           GError  **error)
{
  g_autoptr(GListModel) revisions = NULL;
  gint64 months[N_MONTHS], revised[N_MONTHS];
  guint n, n_ended = 0;
  int year;

  if (!load_months (store, plan_id, &year, months, error))
    return FALSE;
  revisions = sp_revision_list (store, plan_id, error);
  if (revisions == NULL)
    return FALSE;
  memcpy (revised, months, sizeof months);
  n = g_list_model_get_n_items (revisions);
  if (n > 0)
    {
      g_autoptr(SpRevision) last = g_list_model_get_item (revisions, n - 1);
      GDate day;

      sp_date_parse_iso (last->day, &day);
      n_ended = count_ended (store, year, &day);
      if (!sp_revision_respread (last->amount, months, NULL, N_MONTHS, n_ended, revised,
                                 error))
        return FALSE;
    }
  *out_baseline = g_array_sized_new (FALSE, FALSE, sizeof (gint64), N_MONTHS);
  g_array_append_vals (*out_baseline, months, N_MONTHS);
  *out_revised = g_array_sized_new (FALSE, FALSE, sizeof (gint64), N_MONTHS);
  g_array_append_vals (*out_revised, revised, N_MONTHS);
  if (out_n_ended != NULL)
    *out_n_ended = n_ended;
  return TRUE;
}
