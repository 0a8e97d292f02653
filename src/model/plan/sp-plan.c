/* sp-plan.c — a plan: one fiscal year's target (base, sprint, challenge) for one team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-plan.h"
#include "sp-store-private.h"

struct _SpPlan
{
  GObject  parent_instance;
  gint64   id;
  int      fiscal_year;
  char    *team;
  gint64   target;
  gint64   sprint;
  gint64   challenge;
  gint64   last_year_actual;
};

G_DEFINE_FINAL_TYPE (SpPlan, sp_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FISCAL_YEAR,
  PROP_TEAM,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_plan_finalize (GObject *object)
{
  SpPlan *self = (SpPlan *)object;

  g_clear_pointer (&self->team, g_free);

  G_OBJECT_CLASS (sp_plan_parent_class)->finalize (object);
}

static void
sp_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpPlan *self = SP_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;
    case PROP_TEAM:
      g_value_set_string (value, self->team);
      break;
    case PROP_TARGET:
      g_value_set_int64 (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_class_init (SpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_plan_finalize;
  object_class->get_property = sp_plan_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FISCAL_YEAR] =
    g_param_spec_int ("fiscal-year", NULL, NULL, 1, 9999, 2026,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_int64 ("target", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_plan_init (SpPlan *self)
{
}

gint64 sp_plan_get_id (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->id; }
int sp_plan_get_fiscal_year (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->fiscal_year; }
const char *sp_plan_get_team (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), NULL); return self->team; }
gint64 sp_plan_get_target (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->target; }
gint64 sp_plan_get_sprint (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->sprint; }
gint64 sp_plan_get_challenge (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->challenge; }
gint64 sp_plan_get_last_year_actual (SpPlan *self) { g_return_val_if_fail (SP_IS_PLAN (self), 0); return self->last_year_actual; }

/* The fiscal year starts on the first day of the workspace's fiscal start month. */
static int
fiscal_start_month (SpStore *store)
{
  g_autofree char *value = sp_store_get_setting (store, "fiscal-start-month");
  gint64 month = value ? g_ascii_strtoll (value, NULL, 10) : 1;

  return month >= 1 && month <= 12 ? (int) month : 1;
}

GListModel *
sp_plan_list (SpStore  *store,
              GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_PLAN);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  /* Last year's actual: history orders in [start of previous fiscal year, start of this one). */
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT p.id, p.fiscal_year, p.team, p.target, p.sprint, p.challenge,"
                         "       (SELECT coalesce(sum(h.amount), 0) FROM history_order h"
                         "         WHERE h.order_day >= printf('%04d-%02d-01', p.fiscal_year - 1, ?1)"
                         "           AND h.order_day <  printf('%04d-%02d-01', p.fiscal_year, ?1))"
                         "  FROM plan p ORDER BY p.fiscal_year DESC, p.team",
                         error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, fiscal_start_month (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpPlan) plan = g_object_new (SP_TYPE_PLAN, NULL);

      plan->id = sqlite3_column_int64 (stmt, 0);
      plan->fiscal_year = sqlite3_column_int (stmt, 1);
      plan->team = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      plan->target = sqlite3_column_int64 (stmt, 3);
      plan->sprint = sqlite3_column_int64 (stmt, 4);
      plan->challenge = sqlite3_column_int64 (stmt, 5);
      plan->last_year_actual = sqlite3_column_int64 (stmt, 6);
      g_list_store_append (list, plan);
    }

  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not list the plans"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

SpPlan *
sp_plan_find_for_year (SpStore  *store,
                       int       fiscal_year,
                       GError  **error)
{
  g_autoptr(GListModel) plans = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  plans = sp_plan_list (store, error);
  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);

      if (plan->fiscal_year == fiscal_year && *plan->team == '\0')
        return g_steal_pointer (&plan);
    }
  return NULL;
}

gint64
sp_plan_add (SpStore     *store,
             int          fiscal_year,
             const char  *team,
             gint64       target,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);

  if (fiscal_year < 1900 || fiscal_year > 9998)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("%d is not a valid fiscal year"), fiscal_year);
      return 0;
    }
  if (target < 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("A target cannot be negative"));
      return 0;
    }

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Add plan"), error))
    return 0;

  stmt = sp_sql_prepare (db, "INSERT INTO plan (fiscal_year, team, target, sprint, challenge) "
                             "VALUES (?, ?, ?3, ?3, ?3)", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, fiscal_year);
  sqlite3_bind_text (stmt, 2, team ? team : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, target);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                     _("There is already a plan for fiscal year %d"), fiscal_year);
      else
        sp_store_set_sql_error (store, error, _("Could not add the plan"));
      goto fail;
    }

  id = sqlite3_last_insert_rowid (db);
  if (!sp_store_commit_edit (store, error))
    return 0;

  return id;

fail:
  sp_store_rollback_edit (store);
  return 0;
}

gboolean
sp_plan_set_targets (SpStore  *store,
                     gint64    plan_id,
                     gint64    target,
                     gint64    sprint,
                     gint64    challenge,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (target < 0 || sprint < 0 || challenge < 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("A target cannot be negative"));
      return FALSE;
    }
  if (sprint < target || challenge < sprint)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The tiers must rise: base ≤ sprint ≤ challenge"));
      return FALSE;
    }

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Change targets"), error))
    return FALSE;

  stmt = sp_sql_prepare (db, "UPDATE plan SET target = ?, sprint = ?, challenge = ? WHERE id = ?",
                         error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, target);
  sqlite3_bind_int64 (stmt, 2, sprint);
  sqlite3_bind_int64 (stmt, 3, challenge);
  sqlite3_bind_int64 (stmt, 4, plan_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the targets"));
      goto fail;
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with id %lld"), (long long) plan_id);
      goto fail;
    }

  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

GArray *
sp_plan_get_ramp_factors (SpStore  *store,
                          gint64    plan_id,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) factors = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT ramp_factors FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with id %lld"), (long long) plan_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sp_store_set_sql_error (store, error, _("Could not read the plan"));
      return NULL;
    }

  parts = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 bp;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 0, G_MAXINT32, &bp, NULL))
        {
          /* As the breakdown reads them: a list it cannot read is no list. */
          g_array_set_size (factors, 0);
          break;
        }
      g_array_append_val (factors, bp);
    }

  return g_steal_pointer (&factors);
}

gboolean
sp_plan_set_ramp_factors (SpStore       *store,
                          gint64         plan_id,
                          const gint64  *factors_bp,
                          guint          n,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (n == 0 || factors_bp != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      if (factors_bp[i] < 0 || factors_bp[i] > G_MAXINT32)
        {
          g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                               _("A ramp-up factor cannot be negative"));
          return FALSE;
        }
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", factors_bp[i]);
    }

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Change ramp-up"), error))
    return FALSE;

  stmt = sp_sql_prepare (db, "UPDATE plan SET ramp_factors = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, text->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the ramp-up factors"));
      goto fail;
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with id %lld"), (long long) plan_id);
      goto fail;
    }

  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}
