/* sp-breakdown-active.c — members who are not on the team all year (DOMAIN.md §2): a rep's
 * days on the team, the factors their months and weeks count for (ramp-up included), and
 * the weights that plan a new hire like an average rep pro-rated by the days they work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include "sp-allocation-private.h"
#include "sp-breakdown-private.h"

void
sp_bd_series_set_active (SpBdModel     *model,
                         guint          s,
                         guint32        hired,
                         guint32        left,
                         const gint64  *ramp_bp,
                         guint          n_ramp)
{
  const SpBdLayout *layout = model->layout;
  SpBdSeries *series = sp_bd_series (model, s);
  guint32 year_first = layout->first_julian;
  guint32 year_end = layout->first_julian + layout->n_days;
  GDate hired_date, month_date;

  series->hired = hired;
  series->left = left;
  series->active_first = 0;
  series->active_end = layout->n_days;
  if (hired > year_first)
    series->active_first = MIN (hired, year_end) - year_first;
  if (left != 0 && left + 1 < year_end)
    series->active_end = left + 1 > year_first ? left + 1 - year_first : 0;
  series->active_end = MAX (series->active_end, series->active_first);

  /* Month k after the month of hiring (k = 0: that month) takes factor k. */
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    series->ramp_bp[m] = SP_BD_RAMP_NONE;
  if (hired == 0 || n_ramp == 0 || !g_date_valid_julian (hired))
    return;
  g_date_clear (&hired_date, 1);
  g_date_clear (&month_date, 1);
  g_date_set_julian (&hired_date, hired);
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      int k;

      g_date_set_julian (&month_date, year_first + layout->month_day[m]);
      k = ((int) g_date_get_year (&month_date) - (int) g_date_get_year (&hired_date)) * 12
          + (int) g_date_get_month (&month_date) - (int) g_date_get_month (&hired_date);
      if (k >= 0 && (guint) k < n_ramp)
        series->ramp_bp[m] = MAX (ramp_bp[k], 0);
    }
}

void
sp_bd_model_set_region_ranges (SpBdModel *model)
{
  for (guint f = 0; f < model->families->len; f++)
    {
      SpBdFamily *family = sp_bd_family (model, f);
      SpBdSeries *parent = sp_bd_series (model, family->parent);
      guint first = G_MAXUINT;
      guint end = 0;

      if (family->dimension != SP_BREAKDOWN_DIMENSION_REP || family->members->len == 0)
        continue;
      for (guint i = 0; i < family->members->len; i++)
        {
          SpBdSeries *rep = sp_bd_series (model, sp_bd_family_member (model, f, i));

          first = MIN (first, rep->active_first);
          end = MAX (end, rep->active_end);
        }
      parent->active_first = first;
      parent->active_end = MAX (end, first);
    }
}

guint
sp_bd_series_working_days (const SpBdModel *model,
                           guint            s,
                           guint            first,
                           guint            n_days)
{
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);
  guint a = MAX (first, series->active_first);
  guint b = MIN (first + n_days, series->active_end);

  return b > a ? sp_bd_layout_working_days (model->layout, a, b - a) : 0;
}

/* Active working days over working days (active days over days where none is working). */
static double
active_share (const SpBdModel *model,
              guint            s,
              guint            first,
              guint            n_days)
{
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);
  guint working = sp_bd_layout_working_days (model->layout, first, n_days);
  guint a, b;

  if (series->active_first <= first && series->active_end >= first + n_days)
    return 1;
  if (working > 0)
    return (double) sp_bd_series_working_days (model, s, first, n_days) / working;

  a = MAX (first, series->active_first);
  b = MIN (first + n_days, series->active_end);
  return b > a && n_days > 0 ? (double) (b - a) / n_days : 0;
}

double
sp_bd_month_factor (const SpBdModel *model,
                    guint            s,
                    guint            m)
{
  const SpBdLayout *layout = model->layout;
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);
  double share = active_share (model, s, layout->month_day[m],
                               layout->month_day[m + 1] - layout->month_day[m]);

  if (series->ramp_bp[m] == SP_BD_RAMP_NONE)
    return share;
  return share * (double) series->ramp_bp[m] / SP_BD_RAMP_NONE;
}

double
sp_bd_part_factor (const SpBdModel *model,
                   guint            s,
                   guint            p)
{
  const SpBdPart *part = &model->layout->parts[p];

  return active_share (model, s, part->first, part->n_days);
}

/* What the weights of a family need beside the history (DOMAIN.md §2, members who are not
 * active all year). */
static gint64
history_total (const SpBdBasis *basis,
               guint            s)
{
  gint64 total = 0;

  for (guint y = 0; y < basis->n_years; y++)
    for (guint m = 0; m < SP_BD_N_MONTHS; m++)
      total += basis->history[((gsize) s * basis->n_years + y) * SP_BD_N_MONTHS + m];

  return MAX (total, 0);
}

gint64
sp_bd_mean (Int128 sum,
            guint  n)
{
  return n > 0 ? (gint64) ((sum * 2 + n) / (2 * (Int128) n)) : -1;
}

void
sp_bd_basis_init (SpBdBasis     *basis,
                  SpBdModel     *model,
                  const gint64  *history,
                  const int     *years,
                  guint          n_years)
{
  const SpBdLayout *layout = model->layout;
  Int128 sum = 0;
  guint n = 0;

  basis->history = history;
  basis->n_years = n_years;
  basis->through = g_new0 (gboolean, MAX (sp_bd_model_n_series (model), 1));
  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);
      gboolean through = series->dimension == SP_BREAKDOWN_DIMENSION_REP;

      for (guint y = 0; y < n_years && through; y++)
        {
          GDate first, last;

          if (years[y] < 1 || years[y] >= G_MAXUINT16)
            continue;
          g_date_clear (&first, 1);
          g_date_clear (&last, 1);
          sp_calendar_fiscal_year_range (layout->calendar, years[y], &first, &last);
          through = (series->hired == 0 || series->hired <= g_date_get_julian (&first))
                    && (series->left == 0 || series->left >= g_date_get_julian (&last));
        }
      basis->through[s] = through;
      if (through)
        {
          sum += history_total (basis, s);
          n++;
        }
    }
  basis->rep_mean = sp_bd_mean (sum, n);
}

/* The w of a family's reps: their own (@own) if through the basis years, else the mean of
 * the family's reps who were, else of the team's, else their own. */
void
sp_bd_replace_new_hires (SpBdModel       *model,
                         guint            f,
                         const SpBdBasis *basis,
                         gint64           team_mean,
                         gint64          *own)
{
  SpBdFamily *family = sp_bd_family (model, f);
  Int128 sum = 0;
  guint n = 0;
  gint64 mean;

  for (guint i = 0; i < family->members->len; i++)
    if (basis->through[sp_bd_family_member (model, f, i)])
      {
        sum += own[i];
        n++;
      }
  mean = n > 0 ? sp_bd_mean (sum, n) : team_mean;
  for (guint i = 0; i < family->members->len && mean >= 0; i++)
    if (!basis->through[sp_bd_family_member (model, f, i)])
      own[i] = mean;
}

/* A rep's year weight w_i x a_i, a_i its working days on the team in the year (each day
 * times its month's ramp-up factor, in basis points when the family has any). */
void
sp_bd_rep_year_weights (SpBdModel *model,
                        guint      f,
                        gint64    *weights)
{
  const SpBdLayout *layout = model->layout;
  SpBdFamily *family = sp_bd_family (model, f);
  guint n = family->members->len;
  g_autofree gint64 *days = g_new (gint64, MAX (n, 1));
  gboolean ramp = FALSE;
  gboolean fits = FALSE;

  for (guint i = 0; i < n; i++)
    {
      SpBdSeries *series = sp_bd_series (model, sp_bd_family_member (model, f, i));

      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        ramp = ramp || series->ramp_bp[m] != SP_BD_RAMP_NONE;
    }
  for (guint i = 0; i < n; i++)
    {
      guint s = sp_bd_family_member (model, f, i);
      SpBdSeries *series = sp_bd_series (model, s);

      days[i] = 0;
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        {
          gint64 a = sp_bd_series_working_days (model, s, layout->month_day[m],
                                                layout->month_day[m + 1] - layout->month_day[m]);

          days[i] += ramp ? a * series->ramp_bp[m] : a;
        }
    }

  /* All w halved together until every product fits. */
  while (!fits)
    {
      fits = TRUE;
      for (guint i = 0; i < n && fits; i++)
        fits = days[i] == 0 || weights[i] <= G_MAXINT64 / days[i];
      for (guint i = 0; i < n && !fits; i++)
        weights[i] /= 2;
    }
  for (guint i = 0; i < n; i++)
    weights[i] *= days[i];
}
