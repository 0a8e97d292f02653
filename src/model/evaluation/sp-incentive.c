/* sp-incentive.c — incentives (激励): bonus brackets, new-product and team awards, warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-calendar.h"
#include "sp-csv.h"
#include "sp-incentive.h"
#include "sp-metrics.h"
#include "sp-money.h"
#include "sp-plan.h"
#include "sp-preferences.h"
#include "sp-store-private.h"

static gint64
tier_amount (const SpIncentiveRules *rules,
             SpTier                  tier)
{
  switch (tier)
    {
    case SP_TIER_SPRINT: return rules->plan_sprint;
    case SP_TIER_CHALLENGE: return rules->plan_challenge;
    case SP_TIER_BASE:
    default: return rules->plan_target;
    }
}

int
sp_incentive_find_bracket (const SpIncentiveRules *rules,
                           gint64                  actual,
                           gint64                  target)
{
  int best = -1;
  __int128 best_need = 0;

  if (target <= 0 || rules->plan_target <= 0)
    return -1;
  for (guint i = 0; i < rules->n_brackets; i++)
    {
      const SpBonusBracket *b = &rules->brackets[i];
      /* actual / (target × tier / plan) >= threshold / 10000
       * ⇔ actual × plan × 10000 >= threshold × target × tier */
      __int128 need = (__int128) b->threshold_bp * tier_amount (rules, b->tier);
      __int128 left = (__int128) actual * rules->plan_target * 10000;

      if (left < need * target)
        continue;
      if (best < 0 || need >= best_need)
        {
          best = i;
          best_need = need;
        }
    }
  return best;
}

void
sp_incentive_compute_line (const SpIncentiveRules *rules,
                           gint64                  rep_id,
                           const char             *name,
                           gint64                  actual,
                           gint64                  target,
                           gint64                  new_product_revenue,
                           SpPayoutLine           *out)
{
  memset (out, 0, sizeof *out);
  out->rep_id = rep_id;
  out->name = g_strdup (name != NULL ? name : "");
  out->actual = actual;
  out->target = target;
  out->bracket = sp_incentive_find_bracket (rules, actual, target);
  if (out->bracket >= 0)
    {
      const SpBonusBracket *b = &rules->brackets[out->bracket];

      out->attainment_bonus = sp_money_apply_percent (actual, b->rate_bp) + b->fixed_amount;
    }
  out->new_product_revenue = new_product_revenue;
  out->new_product_award = sp_money_apply_percent (new_product_revenue,
                                                   rules->new_product_rate_bp);
  out->total = out->attainment_bonus + out->new_product_award;
}

void
sp_payout_line_clear (SpPayoutLine *line)
{
  g_clear_pointer (&line->name, g_free);
}

gboolean
sp_incentive_find_below_run (const SpRate *attainments,
                             guint         n,
                             gint64        threshold_bp,
                             guint         n_periods,
                             guint        *out_first,
                             guint        *out_length)
{
  gboolean found = FALSE;
  guint run = 0;

  if (n_periods == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const SpRate *a = &attainments[i];
      gboolean below = a->den > 0
        && (__int128) a->num * 10000 < (__int128) threshold_bp * a->den;

      run = below ? run + 1 : 0;
      if (run >= n_periods)
        {
          found = TRUE;
          *out_first = i + 1 - run;
          *out_length = run;
        }
    }
  return found;
}

gboolean
sp_incentive_rules_set_plan (SpStore          *store,
                             const GDate      *day,
                             SpIncentiveRules *rules,
                             GError          **error)
{
  g_autoptr(SpPreferences) prefs = sp_preferences_new (store);
  SpCalendar *calendar = sp_preferences_dup_calendar (prefs);
  int year = sp_calendar_fiscal_year_of (calendar, day);
  g_autoptr(GError) local = NULL;
  g_autoptr(SpPlan) plan = NULL;

  sp_calendar_free (calendar);
  plan = sp_plan_find_for_year (store, year, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  rules->plan_target = plan != NULL ? sp_plan_get_target (plan) : 0;
  rules->plan_sprint = plan != NULL ? sp_plan_get_sprint (plan) : 0;
  rules->plan_challenge = plan != NULL ? sp_plan_get_challenge (plan) : 0;
  return TRUE;
}

static void
clear_line (gpointer data)
{
  sp_payout_line_clear (data);
}

GArray *
sp_incentive_preview (SpStore                *store,
                      const SpIncentiveRules *rules,
                      const GDate            *from,
                      const GDate            *to,
                      const gint64           *product_ids,
                      guint                   n_products,
                      GError                **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(GPtrArray) ranking = NULL;
  g_autoptr(GHashTable) product_revenue = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free, g_free);
  g_autofree char *from_iso = sp_date_format_iso (from);
  g_autofree char *to_iso = sp_date_format_iso (to);
  SpMetricsFilter filter;
  GArray *lines;

  sp_metrics_filter_init (&filter, from, to);
  ranking = sp_metrics_get_ranking (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ATTAINMENT, error);
  if (ranking == NULL)
    return NULL;
  for (guint p = 0; p < n_products; p++)
    {
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db,
        "SELECT o.rep_id, sum(o.amount) FROM opportunity o"
        " JOIN pipeline_stage s ON s.id = o.stage_id"
        " WHERE s.outcome = 'won' AND o.closed_on BETWEEN ?1 AND ?2 AND o.product_id = ?3"
        " AND o.rep_id IS NOT NULL GROUP BY o.rep_id", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, product_ids[p]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rep = sqlite3_column_int64 (stmt, 0);
          gint64 *sum = g_hash_table_lookup (product_revenue, &rep);

          if (sum == NULL)
            {
              sum = g_new0 (gint64, 1);
              g_hash_table_insert (product_revenue, g_memdup2 (&rep, sizeof rep), sum);
            }
          *sum += sqlite3_column_int64 (stmt, 1);
        }
      if (rc != SQLITE_DONE)
        return sp_sql_set_error (db, error, _("Could not read the won deals")), NULL;
    }

  lines = g_array_sized_new (FALSE, TRUE, sizeof (SpPayoutLine), ranking->len);
  g_array_set_clear_func (lines, clear_line);
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpMetricsRankEntry *rank = g_ptr_array_index (ranking, i);
      const gint64 *sum = g_hash_table_lookup (product_revenue, &rank->rep_id);
      SpPayoutLine line;

      sp_incentive_compute_line (rules, rank->rep_id, rank->name, rank->actual, rank->target,
                                 sum != NULL ? *sum : 0, &line);
      g_array_append_val (lines, line);
    }
  return lines;
}

static void
clear_award (gpointer data)
{
  g_clear_pointer (&((SpRegionAward *) data)->name, g_free);
}

GArray *
sp_incentive_region_awards (SpStore                *store,
                            const SpIncentiveRules *rules,
                            const GDate            *from,
                            const GDate            *to,
                            GError                **error)
{
  g_autoptr(GListModel) board = sp_board_get (store, SP_BOARD_REGIONS, from, to, error);
  GArray *awards;

  if (board == NULL)
    return NULL;
  awards = g_array_new (FALSE, TRUE, sizeof (SpRegionAward));
  g_array_set_clear_func (awards, clear_award);
  for (guint i = 0; i < g_list_model_get_n_items (board); i++)
    {
      g_autoptr(SpBoardEntry) entry = g_list_model_get_item (board, i);
      guint rank = sp_board_entry_get_rank (entry);
      SpRegionAward award;

      if (rank > rules->n_region_awards || sp_board_entry_get_actual (entry) <= 0)
        continue;
      award.region_id = sp_board_entry_get_id (entry);
      award.name = g_strdup (sp_board_entry_get_name (entry));
      award.rank = rank;
      award.amount = rules->region_awards[rank - 1];
      g_array_append_val (awards, award);
    }
  return awards;
}

static char *
plain_amount (gint64 amount,
              guint  digits)
{
  gint64 scale = 1;
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;

  for (guint i = 0; i < digits; i++)
    scale *= 10;
  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, amount < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          amount < 0 ? "-" : "", magnitude / scale, (int) digits,
                          magnitude % scale);
}

char *
sp_incentive_preview_to_csv (GArray *lines,
                             guint   digits)
{
  GString *out = g_string_new (NULL);
  const char *header[] = {
    _("Rep"), _("Actual"), _("Target"), _("Bracket"), _("Attainment bonus"),
    _("New-product revenue"), _("New-product award"), _("Total"),
  };
  gint64 sums[5] = { 0, };

  sp_csv_write_bom (out);
  sp_csv_write_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i <= lines->len; i++)
    {
      const SpPayoutLine *line = i < lines->len ? &g_array_index (lines, SpPayoutLine, i) : NULL;
      gint64 values[7];
      g_autofree char *bracket = NULL;
      char *cells[7];
      const char *row[8];

      if (line != NULL)
        {
          gint64 v[7] = { line->actual, line->target, 0, line->attainment_bonus,
                          line->new_product_revenue, line->new_product_award, line->total };
          memcpy (values, v, sizeof v);
          sums[0] += line->actual;
          sums[1] += line->attainment_bonus;
          sums[2] += line->new_product_revenue;
          sums[3] += line->new_product_award;
          sums[4] += line->total;
          bracket = line->bracket >= 0 ? g_strdup_printf ("%d", line->bracket + 1) : g_strdup ("");
        }
      else
        {
          gint64 v[7] = { sums[0], 0, 0, sums[1], sums[2], sums[3], sums[4] };
          memcpy (values, v, sizeof v);
          bracket = g_strdup ("");
        }
      row[0] = line != NULL ? line->name : _("Total");
      for (guint c = 0; c < 7; c++)
        cells[c] = (c == 2 || (line == NULL && c == 1)) ? NULL : plain_amount (values[c], digits);
      row[1] = cells[0];
      row[2] = cells[1] != NULL ? cells[1] : "";
      row[3] = bracket;
      for (guint c = 3; c < 7; c++)
        row[c + 1] = cells[c];
      sp_csv_write_row (out, row, G_N_ELEMENTS (row));
      for (guint c = 0; c < 7; c++)
        g_free (cells[c]);
    }
  return g_string_free (out, FALSE);
}

static void
clear_below (gpointer data)
{
  g_clear_pointer (&((SpBelowTarget *) data)->name, g_free);
}

GArray *
sp_incentive_below_target (SpStore       *store,
                           SpBoardPeriod  period,
                           const GDate   *day,
                           guint          n_back,
                           gint64         threshold_bp,
                           guint          n_periods,
                           GError       **error)
{
  g_autofree GDate *froms = g_new0 (GDate, MAX (n_back, 1));
  g_autofree GDate *tos = g_new0 (GDate, MAX (n_back, 1));
  g_autoptr(GHashTable) rates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GPtrArray) last = NULL;
  GDate d = *day;
  GArray *out;

  /* The periods, oldest first. */
  for (guint k = n_back; k > 0; k--)
    {
      sp_board_period_range_for_store (store, period, &d, &froms[k - 1], &tos[k - 1]);
      d = froms[k - 1];
      g_date_subtract_days (&d, 1);
    }
  for (guint k = 0; k < n_back; k++)
    {
      g_autoptr(GPtrArray) ranking = NULL;
      SpMetricsFilter filter;

      sp_metrics_filter_init (&filter, &froms[k], &tos[k]);
      ranking = sp_metrics_get_ranking (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                        SP_METRICS_RANK_BY_ATTAINMENT, error);
      if (ranking == NULL)
        return NULL;
      for (guint i = 0; i < ranking->len; i++)
        {
          const SpMetricsRankEntry *e = g_ptr_array_index (ranking, i);
          SpRate *row = g_hash_table_lookup (rates, &e->rep_id);

          if (row == NULL)
            {
              row = g_new0 (SpRate, n_back);
              g_hash_table_insert (rates, g_memdup2 (&e->rep_id, sizeof e->rep_id), row);
            }
          row[k] = e->attainment;
        }
      if (k + 1 == n_back)
        last = g_steal_pointer (&ranking);
    }

  out = g_array_new (FALSE, TRUE, sizeof (SpBelowTarget));
  g_array_set_clear_func (out, clear_below);
  for (guint i = 0; last != NULL && i < last->len; i++)
    {
      const SpMetricsRankEntry *e = g_ptr_array_index (last, i);
      const SpRate *row = g_hash_table_lookup (rates, &e->rep_id);
      guint first, length;
      SpBelowTarget below;

      if (row == NULL
          || !sp_incentive_find_below_run (row, n_back, threshold_bp, n_periods, &first,
                                           &length))
        continue;
      below.rep_id = e->rep_id;
      below.name = g_strdup (e->name);
      below.from = froms[first];
      below.to = tos[first + length - 1];
      below.n_periods = length;
      g_array_append_val (out, below);
    }
  return out;
}
