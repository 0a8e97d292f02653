/* sp-workload.c — from a sales target to a rep's daily workload, and the rates history gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-workload"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-money.h"
#include "sp-store-private.h"
#include "sp-workload.h"

G_DEFINE_QUARK (sp-workload-error-quark, sp_workload_error)

/* Every intermediate product is at most (2^63 - 1)^2 < 2^126, so it never overflows. */
__extension__ typedef __int128 Wide;

static const char * const stage_names[SP_WORKLOAD_N_STAGES] = {
  N_("Prospecting"),
  N_("Appointments and contacts"),
  N_("Product presentations"),
  N_("Objection handling"),
  N_("Closing"),
};

/* Whole sentences per rate so that translators never assemble them from pieces. */
typedef struct
{
  const char *zero;
  const char *missing;
  const char *negative;
} RateMessages;

static const RateMessages rate_messages[SP_WORKLOAD_N_RATES] = {
  {
    N_("The conversion rate from prospects to appointments is zero: no number of prospects "
       "can reach the target. Enter a rate above 0%."),
    N_("The conversion rate from prospects to appointments is missing: there are no prospects "
       "to compute it from. Enter a rate above 0%."),
    N_("The conversion rate from prospects to appointments is negative. Enter a rate above 0%."),
  },
  {
    N_("The conversion rate from appointments to presentations is zero: no number of "
       "appointments can reach the target. Enter a rate above 0%."),
    N_("The conversion rate from appointments to presentations is missing: there are no "
       "appointments to compute it from. Enter a rate above 0%."),
    N_("The conversion rate from appointments to presentations is negative. Enter a rate "
       "above 0%."),
  },
  {
    N_("The conversion rate from presentations to objections handled is zero: no number of "
       "presentations can reach the target. Enter a rate above 0%."),
    N_("The conversion rate from presentations to objections handled is missing: there are no "
       "presentations to compute it from. Enter a rate above 0%."),
    N_("The conversion rate from presentations to objections handled is negative. Enter a "
       "rate above 0%."),
  },
  {
    N_("The conversion rate from objections handled to closes is zero: no number of handled "
       "objections can reach the target. Enter a rate above 0%."),
    N_("The conversion rate from objections handled to closes is missing: there are no handled "
       "objections to compute it from. Enter a rate above 0%."),
    N_("The conversion rate from objections handled to closes is negative. Enter a rate "
       "above 0%."),
  },
};

const char *
sp_workload_stage_get_name (SpWorkloadStage stage)
{
  g_return_val_if_fail (stage <= SP_WORKLOAD_CLOSES, NULL);

  return _(stage_names[stage]);
}

SpRate
sp_rate_from_basis_points (gint64 basis_points)
{
  return (SpRate) { basis_points, 10000 };
}

gint64
sp_rate_to_basis_points (SpRate rate)
{
  if (rate.den == 0)
    return 0;

  return sp_money_scale (rate.num, 10000, rate.den);
}

/* ceil (a / b) for a >= 0, b > 0. */
static Wide
ceil_div (Wide a,
          Wide b)
{
  return (a + b - 1) / b;
}

static gboolean
check_input (const SpWorkloadInput  *in,
             GError                **error)
{
  if (in->target < 0)
    {
      g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID,
                           _("The target is negative. Enter a target of zero or more."));
      return FALSE;
    }

  if (in->avg_order_value <= 0)
    {
      g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID,
                           _("The average order value must be above zero. Enter the average "
                             "amount of one order."));
      return FALSE;
    }

  if (in->working_days == 0)
    {
      g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID,
                           _("The period has no working days. Choose a period with at least "
                             "one working day."));
      return FALSE;
    }

  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      const SpRate *rate = &in->rates[i];
      const char *message = NULL;

      if (rate->num < 0 || rate->den < 0)
        message = rate_messages[i].negative;
      else if (rate->den == 0)
        message = rate_messages[i].missing;
      else if (rate->num == 0)
        message = rate_messages[i].zero;

      if (message != NULL)
        {
          g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID, _(message));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
sp_workload_compute (const SpWorkloadInput  *in,
                     SpWorkload             *out,
                     GError                **error)
{
  SpWorkload result = { { 0 } };
  Wide count;

  g_return_val_if_fail (in != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_input (in, error))
    return FALSE;

  /* Each close is one order. */
  count = ceil_div (in->target, in->avg_order_value);
  result.counts[SP_WORKLOAD_CLOSES] = (gint64) count;

  for (int i = SP_WORKLOAD_N_RATES - 1; i >= 0; i--)
    {
      /* ceil (next / (num / den)) = ceil (next * den / num) */
      count = ceil_div (count * in->rates[i].den, in->rates[i].num);
      if (count > G_MAXINT64)
        {
          g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_OVERFLOW,
                               _("The workload is too large to compute. Check the target, the "
                                 "average order value and the conversion rates."));
          return FALSE;
        }
      result.counts[i] = (gint64) count;
    }

  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    result.per_day[i] = (gint64) ceil_div (result.counts[i], in->working_days);

  *out = result;

  return TRUE;
}

void
sp_workload_input_init_from_rates (SpWorkloadInput       *input,
                                   const SpWorkloadRates *rates,
                                   gint64                 target,
                                   guint                  working_days)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (rates != NULL);

  input->target = target;
  input->avg_order_value = rates->avg_order_value;
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    input->rates[i] = rates->rates[i];
  input->working_days = working_days;
}

/* History */

static gboolean
parse_bound (const char  *iso,
             GDate       *date,
             GError     **error)
{
  if (iso == NULL || sp_date_parse_iso (iso, date))
    return TRUE;

  g_set_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID,
               /* Translators: %s is what was given instead of a date */
               _("“%s” is not a date of the form YYYY-MM-DD."), iso);
  return FALSE;
}

static gboolean
check_window (const char  *from_iso,
              const char  *to_iso,
              GError     **error)
{
  GDate from, to;

  if (!parse_bound (from_iso, &from, error) || !parse_bound (to_iso, &to, error))
    return FALSE;

  if (from_iso != NULL && to_iso != NULL && g_date_compare (&from, &to) > 0)
    {
      g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID,
                           _("The history window ends before it starts. Choose an end date "
                             "on or after the start date."));
      return FALSE;
    }

  return TRUE;
}

/* Reads the count of days, the five sums, orders and revenue from @stmt's columns @column …
 * @column + 7 into @rates, and derives its rates and average order value. */
static void
read_rates (sqlite3_stmt    *stmt,
            int              column,
            SpWorkloadRates *rates)
{
  rates->logged_days = (guint) sqlite3_column_int64 (stmt, column);
  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    rates->sums[i] = sqlite3_column_int64 (stmt, column + 1 + (int) i);
  rates->orders = sqlite3_column_int64 (stmt, column + 6);
  rates->revenue = sqlite3_column_int64 (stmt, column + 7);

  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    rates->rates[i] = (SpRate) { rates->sums[i + 1], rates->sums[i] };

  rates->avg_order_value = 0;
  if (rates->orders > 0)
    rates->avg_order_value = sp_money_scale (rates->revenue, 1, rates->orders);
}

gboolean
sp_workload_rates_from_log (SpStore          *store,
                            gint64            rep_id,
                            const char       *from_iso,
                            const char       *to_iso,
                            SpWorkloadRates  *out,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SpWorkloadRates result = { { 0 } };
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (rep_id >= 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_window (from_iso, to_iso, error))
    return FALSE;

  db = sp_store_get_db (store);
  stmt = sp_sql_prepare (db,
                         "SELECT count(DISTINCT day),"
                         "       coalesce(sum(prospects), 0),"
                         "       coalesce(sum(appointments), 0),"
                         "       coalesce(sum(presentations), 0),"
                         "       coalesce(sum(objections), 0),"
                         "       coalesce(sum(closes), 0),"
                         "       coalesce(sum(orders), 0),"
                         "       coalesce(sum(revenue), 0)"
                         "  FROM worklog_entry"
                         /* Bounds as ranges the index by day can use: every stored
                          * day is a valid date between these two. */
                         " WHERE (?1 = 0 OR rep_id = ?1)"
                         "   AND day BETWEEN coalesce(?2, '0000-01-01')"
                         "               AND coalesce(?3, '9999-12-31')",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rep_id);
  if (from_iso != NULL)
    sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
  if (to_iso != NULL)
    sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the work log"));

  read_rates (stmt, 0, &result);
  *out = result;

  return TRUE;
}

gboolean
sp_workload_rates_has_enough_history (const SpWorkloadRates *rates)
{
  g_return_val_if_fail (rates != NULL, FALSE);

  if (rates->logged_days < SP_WORKLOAD_MIN_LOGGED_DAYS
      || rates->orders < SP_WORKLOAD_MIN_ORDERS
      || rates->avg_order_value <= 0)
    return FALSE;

  /* A zero total makes one rate zero and the next one missing. */
  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    if (rates->sums[i] <= 0)
      return FALSE;

  return TRUE;
}

char *
sp_workload_describe_too_little_history (void)
{
  /* Translators: the first %d is a number of days (20), the second a number of orders (5) */
  return g_strdup_printf (_("A rep’s own work log is too little history when, over the chosen "
                            "window, it has fewer than %d logged days or fewer than %d orders, "
                            "no revenue, or none of one of the five activities. The team’s "
                            "conversion rates and average order value are used instead."),
                          SP_WORKLOAD_MIN_LOGGED_DAYS, SP_WORKLOAD_MIN_ORDERS);
}

gboolean
sp_workload_rates_for_rep (SpStore          *store,
                           gint64            rep_id,
                           const char       *from_iso,
                           const char       *to_iso,
                           SpWorkloadRates  *out,
                           gboolean         *used_team,
                           GError          **error)
{
  SpWorkloadRates rates;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (rep_id >= 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (used_team != NULL)
    *used_team = FALSE;

  if (rep_id != 0)
    {
      if (!sp_workload_rates_from_log (store, rep_id, from_iso, to_iso, &rates, error))
        return FALSE;

      if (sp_workload_rates_has_enough_history (&rates))
        {
          *out = rates;
          return TRUE;
        }
    }

  if (!sp_workload_rates_from_log (store, 0, from_iso, to_iso, &rates, error))
    return FALSE;

  *out = rates;
  if (used_team != NULL)
    *used_team = TRUE;

  if (!sp_workload_rates_has_enough_history (&rates))
    {
      g_set_error_literal (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY,
                           _("Neither the rep nor the team has enough work-log history in this "
                             "window to derive conversion rates. Widen the window, or enter the "
                             "rates and the average order value by hand."));
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_workload_rates_for_reps (SpStore          *store,
                            const gint64     *rep_ids,
                            guint             n_reps,
                            const char       *from_iso,
                            const char       *to_iso,
                            SpWorkloadRates  *out,
                            gboolean         *used_team,
                            gboolean         *enough,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_rep = NULL;
  SpWorkloadRates team;
  gboolean team_enough;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_reps == 0 || rep_ids != NULL, FALSE);
  g_return_val_if_fail (n_reps == 0 || out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sp_workload_rates_from_log (store, 0, from_iso, to_iso, &team, error))
    return FALSE;
  team_enough = sp_workload_rates_has_enough_history (&team);

  /* The same sums as sp_workload_rates_from_log(), one row per rep. */
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT rep_id, count(DISTINCT day),"
                         "       coalesce(sum(prospects), 0),"
                         "       coalesce(sum(appointments), 0),"
                         "       coalesce(sum(presentations), 0),"
                         "       coalesce(sum(objections), 0),"
                         "       coalesce(sum(closes), 0),"
                         "       coalesce(sum(orders), 0),"
                         "       coalesce(sum(revenue), 0)"
                         "  FROM worklog_entry"
                         " WHERE day BETWEEN coalesce(?1, '0000-01-01')"
                         "               AND coalesce(?2, '9999-12-31')"
                         " GROUP BY rep_id",
                         error);
  if (stmt == NULL)
    return FALSE;

  if (from_iso != NULL)
    sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  if (to_iso != NULL)
    sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);

  by_rep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorkloadRates *rates = g_new0 (SpWorkloadRates, 1);
      gint64 rep_id = sqlite3_column_int64 (stmt, 0);

      read_rates (stmt, 1, rates);
      g_hash_table_insert (by_rep, g_memdup2 (&rep_id, sizeof rep_id), rates);
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not read the work log"));

  for (guint i = 0; i < n_reps; i++)
    {
      SpWorkloadRates none = { { 0 } };
      const SpWorkloadRates *own = NULL;
      gboolean own_enough = FALSE;

      if (rep_ids[i] != 0)
        {
          own = g_hash_table_lookup (by_rep, &rep_ids[i]);
          own_enough = sp_workload_rates_has_enough_history (own != NULL ? own : &none);
        }

      out[i] = own_enough ? *own : team;
      if (used_team != NULL)
        used_team[i] = !own_enough;
      if (enough != NULL)
        enough[i] = own_enough || team_enough;
    }

  return TRUE;
}
