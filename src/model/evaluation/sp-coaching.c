/* sp-coaching.c — diagnosis (weakest stage), coaching records (PESOS, 工作沟通四步法), effect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-calendar.h"
#include "sp-coaching.h"
#include "sp-metrics.h"
#include "sp-scorecard.h"
#include "sp-store-private.h"

struct _SpCoachingRecord
{
  GObject        parent_instance;
  gint64         id;
  gint64         rep_id;
  char          *skill;
  SpCoachingKind kind;
  char          *day;
  char          *talk[4];
  SpPesosStep    steps[SP_PESOS_N_STEPS];
};

G_DEFINE_FINAL_TYPE (SpCoachingRecord, sp_coaching_record, G_TYPE_OBJECT)

static void
sp_coaching_record_finalize (GObject *object)
{
  SpCoachingRecord *self = SP_COACHING_RECORD (object);

  g_free (self->skill);
  g_free (self->day);
  for (guint i = 0; i < 4; i++)
    g_free (self->talk[i]);
  for (guint i = 0; i < SP_PESOS_N_STEPS; i++)
    {
      g_free ((char *) self->steps[i].day);
      g_free ((char *) self->steps[i].note);
    }
  G_OBJECT_CLASS (sp_coaching_record_parent_class)->finalize (object);
}

static void
sp_coaching_record_class_init (SpCoachingRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_coaching_record_finalize;
}

static void
sp_coaching_record_init (SpCoachingRecord *self)
{
}

gint64 sp_coaching_record_get_id (SpCoachingRecord *self) { return self->id; }
gint64 sp_coaching_record_get_rep_id (SpCoachingRecord *self) { return self->rep_id; }
const char *sp_coaching_record_get_skill (SpCoachingRecord *self) { return self->skill; }
SpCoachingKind sp_coaching_record_get_kind (SpCoachingRecord *self) { return self->kind; }
const char *sp_coaching_record_get_day (SpCoachingRecord *self) { return self->day; }

const char *
sp_coaching_record_get_talk (SpCoachingRecord *self,
                             guint             part)
{
  g_return_val_if_fail (part < 4, NULL);
  return self->talk[part] != NULL ? self->talk[part] : "";
}

const SpPesosStep *
sp_coaching_record_get_step (SpCoachingRecord *self,
                             guint             step)
{
  g_return_val_if_fail (step < SP_PESOS_N_STEPS, NULL);
  return &self->steps[step];
}

const char *
sp_pesos_step_get_name (guint step)
{
  static const char * const names[SP_PESOS_N_STEPS] = {
    N_("Prepare"), N_("Explain"), N_("Show"), N_("Observe"), N_("Supervise"),
  };
  g_return_val_if_fail (step < SP_PESOS_N_STEPS, NULL);
  return _(names[step]);
}

const char *
sp_talk_part_get_name (guint part)
{
  static const char * const names[4] = {
    N_("Problem"), N_("Method"), N_("Resources"), N_("Agreement"),
  };
  g_return_val_if_fail (part < 4, NULL);
  return _(names[part]);
}

static const char * const activity_keys[SP_WORKLOAD_N_STAGES] = {
  "prospects", "appointments", "presentations", "objections", "closes",
};

gboolean
sp_coaching_skill_parse (const char *skill,
                         int        *out_stage)
{
  if (skill == NULL)
    return FALSE;
  for (int i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    if (g_str_equal (skill, activity_keys[i]))
      {
        if (out_stage != NULL)
          *out_stage = i;
        return TRUE;
      }
  if (g_str_has_prefix (skill, "stage:") && skill[6] != '\0')
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (skill + 6, 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      if (out_stage != NULL)
        *out_stage = -1;
      return TRUE;
    }
  return FALSE;
}

int
sp_coaching_weakest_stage (const SpRate *rep,
                           const SpRate *team,
                           guint         n)
{
  int best = -1;
  __int128 best_num = 0, best_den = 1;

  for (guint i = 0; i < n; i++)
    {
      __int128 num, den;

      if (rep[i].den <= 0 || team[i].den <= 0)
        continue;
      /* team − rep = (tn × rd − rn × td) / (td × rd) */
      num = (__int128) team[i].num * rep[i].den - (__int128) rep[i].num * team[i].den;
      den = (__int128) team[i].den * rep[i].den;
      if (num <= 0)
        continue;
      if (best < 0 || num * best_den > best_num * den)
        {
          best = i;
          best_num = num;
          best_den = den;
        }
    }
  return best;
}

static gboolean
activity_rates (SpStore     *store,
                gint64       rep_id,
                const GDate *from,
                const GDate *to,
                SpRate      *rates,
                GError     **error)
{
  SpMetricsFilter filter;
  SpMetricsActivity activity;

  sp_metrics_filter_init (&filter, from, to);
  filter.rep_id = rep_id;
  if (!sp_metrics_get_activity (store, &filter, &activity, error))
    return FALSE;
  memcpy (rates, activity.rates, sizeof activity.rates);
  return TRUE;
}

gboolean
sp_coaching_diagnose (SpStore     *store,
                      gint64       rep_id,
                      const GDate *from,
                      const GDate *to,
                      SpDiagnosis *out,
                      GError     **error)
{
  if (!activity_rates (store, rep_id, from, to, out->rep, error)
      || !activity_rates (store, 0, from, to, out->team, error))
    return FALSE;
  out->weakest = sp_coaching_weakest_stage (out->rep, out->team, SP_WORKLOAD_N_RATES);
  return TRUE;
}

gboolean
sp_coaching_effect (SpStore     *store,
                    gint64       rep_id,
                    const char  *skill,
                    const GDate *day,
                    SpRate      *out_before,
                    SpRate      *out_after,
                    GError     **error)
{
  SpRate rates[SP_WORKLOAD_N_RATES];
  GDate from, to;
  int stage;

  if (!sp_coaching_skill_parse (skill, &stage))
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("“%s” is not a skill"), skill != NULL ? skill : "");
      return FALSE;
    }
  out_before->num = out_before->den = out_after->num = out_after->den = 0;
  if (stage < 1)
    return TRUE;
  to = *day;
  g_date_subtract_days (&to, 1);
  from = to;
  g_date_subtract_days (&from, SP_COACHING_EFFECT_DAYS - 1);
  if (!activity_rates (store, rep_id, &from, &to, rates, error))
    return FALSE;
  *out_before = rates[stage - 1];
  from = *day;
  g_date_add_days (&from, 1);
  to = from;
  g_date_add_days (&to, SP_COACHING_EFFECT_DAYS - 1);
  if (!activity_rates (store, rep_id, &from, &to, rates, error))
    return FALSE;
  *out_after = rates[stage - 1];
  return TRUE;
}

gint64
sp_coaching_add (SpStore            *store,
                 gint64              rep_id,
                 const char         *skill,
                 SpCoachingKind      kind,
                 const GDate        *day,
                 const char * const *talk,
                 const SpPesosStep  *steps,
                 GError            **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autofree char *iso = sp_date_format_iso (day);
  gint64 id = 0;

  if (!sp_coaching_skill_parse (skill, NULL))
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("“%s” is not a skill"), skill != NULL ? skill : "");
      return 0;
    }
  if (!sp_store_begin_edit (store, _("Add coaching record"), error))
    return 0;
  if (!sp_sql_run (db, NULL, _("Could not save the coaching record"), &id, error,
                   "INSERT INTO coaching_record (rep_id, skill, kind, day, problem, method,"
                   " resources, agreement) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "ittttttt",
                   rep_id, skill, kind == SP_COACHING_TALK ? "talk" : "pesos", iso,
                   talk != NULL ? talk[0] : "", talk != NULL ? talk[1] : "",
                   talk != NULL ? talk[2] : "", talk != NULL ? talk[3] : ""))
    goto fail;
  for (guint i = 0; steps != NULL && i < SP_PESOS_N_STEPS; i++)
    if (!sp_sql_run (db, NULL, _("Could not save the coaching record"), NULL, error,
                     "INSERT INTO coaching_step (record_id, step, day, note) VALUES (?, ?, ?, ?)",
                     "idtt", id, (int) i, steps[i].day,
                     steps[i].note != NULL ? steps[i].note : ""))
      goto fail;
  if (!sp_store_commit_edit (store, error))
    goto fail;
  return id;

fail:
  if (sp_store_in_edit (store))
    sp_store_rollback_edit (store);
  return 0;
}

GListModel *
sp_coaching_list (SpStore  *store,
                  gint64    rep_id,
                  GError  **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_COACHING_RECORD);
  int rc;

  stmt = sp_sql_prepare (db, "SELECT id, rep_id, skill, kind, day, problem, method, resources,"
                             " agreement FROM coaching_record WHERE ?1 = 0 OR rep_id = ?1"
                             " ORDER BY day, id", error);
  steps = sp_sql_prepare (db, "SELECT step, day, note FROM coaching_step WHERE record_id = ?",
                          error);
  if (stmt == NULL || steps == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpCoachingRecord) record = g_object_new (SP_TYPE_COACHING_RECORD, NULL);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->rep_id = sqlite3_column_int64 (stmt, 1);
      record->skill = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      record->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "talk") == 0
        ? SP_COACHING_TALK : SP_COACHING_PESOS;
      record->day = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      for (guint i = 0; i < 4; i++)
        record->talk[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 5 + i));
      sqlite3_reset (steps);
      sqlite3_bind_int64 (steps, 1, record->id);
      while (sqlite3_step (steps) == SQLITE_ROW)
        {
          int i = sqlite3_column_int (steps, 0);

          if (i < 0 || i >= SP_PESOS_N_STEPS)
            continue;
          record->steps[i].day = g_strdup ((const char *) sqlite3_column_text (steps, 1));
          record->steps[i].note = g_strdup ((const char *) sqlite3_column_text (steps, 2));
        }
      g_list_store_append (list, record);
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the coaching records")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}
