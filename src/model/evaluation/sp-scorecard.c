/* sp-scorecard.c — the scorecard (绩效考核): weights, capped scores, exact totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-calendar.h"
#include "sp-metrics.h"
#include "sp-money.h"
#include "sp-scorecard.h"
#include "sp-store-private.h"

#define KEY_CAP "scorecard-cap-bp"

G_DEFINE_QUARK (sp-evaluation-error-quark, sp_evaluation_error)

static const char * const indicator_keys[SP_N_INDICATORS] = {
  "revenue", "new-customers", "orders", "collection", "activity",
};

const char *
sp_indicator_to_string (SpIndicator indicator)
{
  g_return_val_if_fail (indicator < SP_N_INDICATORS, NULL);
  return indicator_keys[indicator];
}

gboolean
sp_indicator_from_string (const char  *text,
                          SpIndicator *out)
{
  for (guint i = 0; text != NULL && i < SP_N_INDICATORS; i++)
    if (g_str_equal (text, indicator_keys[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_indicator_get_name (SpIndicator indicator)
{
  switch (indicator)
    {
    case SP_INDICATOR_REVENUE: return _("Revenue attainment");
    case SP_INDICATOR_NEW_CUSTOMERS: return _("New customers");
    case SP_INDICATOR_ORDERS: return _("Orders");
    case SP_INDICATOR_COLLECTION: return _("Collection");
    case SP_INDICATOR_ACTIVITY: return _("Activity");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
sp_scorecard_check_weights (const gint64 *weights_bp,
                            guint         n,
                            GError      **error)
{
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    {
      if (weights_bp[i] < 0 || weights_bp[i] > 10000)
        {
          g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                       _("A weight must be between 0 %% and 100 %%"));
          return FALSE;
        }
      sum += weights_bp[i];
    }
  if (sum != 10000)
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("The weights add up to %d.%02d %%, not 100 %%"), (int) (sum / 100),
                   (int) (sum % 100));
      return FALSE;
    }
  return TRUE;
}

/* min (attainment, cap) as an exact fraction (0/1 when undefined or negative). */
static void
capped (SpRate  attainment,
        gint64  cap_bp,
        gint64 *num,
        gint64 *den)
{
  if (attainment.den <= 0 || attainment.num <= 0)
    {
      *num = 0;
      *den = 1;
    }
  else if ((__int128) attainment.num * 10000 > (__int128) cap_bp * attainment.den)
    {
      *num = cap_bp;
      *den = 10000;
    }
  else
    {
      *num = attainment.num;
      *den = attainment.den;
    }
}

gint64
sp_scorecard_score_tenths (SpRate attainment,
                           gint64 cap_bp)
{
  gint64 num, den;

  capped (attainment, cap_bp, &num, &den);
  return sp_money_scale (num, 1000, den);
}

static __int128
gcd128 (__int128 a,
        __int128 b)
{
  while (b != 0)
    {
      __int128 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

gboolean
sp_scorecard_total_tenths (const SpScoreLine *lines,
                           guint              n,
                           gint64             cap_bp,
                           gint64            *out_tenths,
                           GError           **error)
{
  __int128 sum_num = 0, sum_den = 1;

  for (guint i = 0; i < n; i++)
    {
      gint64 num, den;
      __int128 tnum, tden, a, b, g;

      capped (lines[i].attainment, cap_bp, &num, &den);
      /* weight × m / 10 tenths, m = num / den */
      tnum = (__int128) lines[i].weight_bp * num;
      tden = (__int128) den * 10;
      g = gcd128 (tnum, tden);
      if (g > 1)
        tnum /= g, tden /= g;
      if (tnum == 0)
        continue;
      if (__builtin_mul_overflow (sum_num, tden, &a)
          || __builtin_mul_overflow (tnum, sum_den, &b)
          || __builtin_add_overflow (a, b, &sum_num)
          || __builtin_mul_overflow (sum_den, tden, &sum_den))
        {
          g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_OVERFLOW,
                       _("The scorecard's figures are too large to total exactly"));
          return FALSE;
        }
      g = gcd128 (sum_num, sum_den);
      if (g > 1)
        sum_num /= g, sum_den /= g;
    }
  /* half away from zero; the sum is >= 0 */
  *out_tenths = (gint64) ((2 * sum_num + sum_den) / (2 * sum_den));
  return TRUE;
}

gboolean
sp_scorecard_get_config (SpStore           *store,
                         SpScorecardConfig *out,
                         GError           **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cap = sp_store_get_setting (store, KEY_CAP);
  gboolean any = FALSE;
  int rc;

  memset (out, 0, sizeof *out);
  out->cap_bp = cap != NULL ? g_ascii_strtoll (cap, NULL, 10) : SP_SCORECARD_DEFAULT_CAP_BP;
  stmt = sp_sql_prepare (db, "SELECT indicator, weight_bp, monthly_target"
                             " FROM scorecard_indicator", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpIndicator indicator;

      if (!sp_indicator_from_string ((const char *) sqlite3_column_text (stmt, 0), &indicator))
        continue;
      out->weight_bp[indicator] = sqlite3_column_int64 (stmt, 1);
      out->monthly_target[indicator] = sqlite3_column_int64 (stmt, 2);
      any = TRUE;
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the scorecard"));
  if (!any)
    out->weight_bp[SP_INDICATOR_REVENUE] = 10000;
  return TRUE;
}

gboolean
sp_scorecard_set_config (SpStore                 *store,
                         const SpScorecardConfig *config,
                         GError                 **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autofree char *cap = NULL;

  if (!sp_scorecard_check_weights (config->weight_bp, SP_N_INDICATORS, error))
    return FALSE;
  for (guint i = 0; i < SP_N_INDICATORS; i++)
    if (config->monthly_target[i] < 0)
      {
        g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                     _("A target cannot be negative"));
        return FALSE;
      }
  if (config->cap_bp < 10000)
    {
      g_set_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID,
                   _("The score cap must be at least 100 %%"));
      return FALSE;
    }
  if (!sp_store_begin_edit (store, _("Edit scorecard"), error))
    return FALSE;
  cap = g_strdup_printf ("%" G_GINT64_FORMAT, config->cap_bp);
  if (!sp_sql_exec (db, "DELETE FROM scorecard_indicator", error)
      || !sp_store_set_setting (store, KEY_CAP, cap, error))
    goto fail;
  for (guint i = 0; i < SP_N_INDICATORS; i++)
    if (!sp_sql_run (db, NULL, _("Could not save the scorecard"), NULL, error,
                     "INSERT INTO scorecard_indicator (indicator, weight_bp, monthly_target)"
                     " VALUES (?, ?, ?)", "tii", indicator_keys[i], config->weight_bp[i],
                     config->monthly_target[i]))
      goto fail;
  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

gboolean
sp_scorecard_evaluate (SpStore     *store,
                       gint64       rep_id,
                       const GDate *from,
                       const GDate *to,
                       SpScorecard *out,
                       GError     **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from_iso = sp_date_format_iso (from);
  g_autofree char *to_iso = sp_date_format_iso (to);
  SpScorecardConfig config;
  SpMetricsFilter filter;
  SpMetricsAttainment att;
  gint64 months;
  int rc;

  if (!sp_scorecard_get_config (store, &config, error))
    return FALSE;
  months = ((gint64) g_date_get_year (to) - g_date_get_year (from)) * 12
    + g_date_get_month (to) - g_date_get_month (from) + 1;
  memset (out, 0, sizeof *out);
  sp_metrics_filter_init (&filter, from, to);
  filter.rep_id = rep_id;
  if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE, &att,
                                  error))
    return FALSE;
  out->lines[SP_INDICATOR_REVENUE].actual = att.actual;
  out->lines[SP_INDICATOR_REVENUE].target = att.target;

  stmt = sp_sql_prepare (db, "SELECT coalesce(sum(new_customers), 0), coalesce(sum(orders), 0),"
                             " coalesce(sum(collected), 0), coalesce(sum(prospects"
                             " + appointments + presentations + objections + closes), 0)"
                             " FROM worklog_entry"
                             " WHERE rep_id = ?1 AND day BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the work log"));
  for (guint i = SP_INDICATOR_NEW_CUSTOMERS; i < SP_N_INDICATORS; i++)
    {
      out->lines[i].actual = sqlite3_column_int64 (stmt, i - 1);
      out->lines[i].target = config.monthly_target[i] * months;
    }

  for (guint i = 0; i < SP_N_INDICATORS; i++)
    {
      SpScoreLine *line = &out->lines[i];

      line->indicator = i;
      line->weight_bp = config.weight_bp[i];
      line->attainment.num = line->target > 0 ? line->actual : 0;
      line->attainment.den = line->target > 0 ? line->target : 0;
      line->score_tenths = sp_scorecard_score_tenths (line->attainment, config.cap_bp);
    }
  return sp_scorecard_total_tenths (out->lines, SP_N_INDICATORS, config.cap_bp,
                                    &out->total_tenths, error);
}
