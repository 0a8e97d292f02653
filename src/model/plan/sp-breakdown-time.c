/* sp-breakdown-time.c — the breakdown's time path: the fiscal year's months, weeks and their
 * parts, and one member's year → months → days splits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-breakdown-private.h"

#define MAX_MONTH_DAYS 31
#define WEEK_DAYS      7

SpBdLayout *
sp_bd_layout_new (const SpCalendar *calendar,
                  int               fiscal_year)
{
  g_autoptr(SpBdLayout) layout = g_new0 (SpBdLayout, 1);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (SpBdPart));
  GDate first, last, day;
  guint month = 0;
  guint week = 0;

  g_return_val_if_fail (calendar != NULL, NULL);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_clear (&day, 1);

  layout->calendar = sp_calendar_copy (calendar);
  layout->fiscal_year = fiscal_year;
  sp_calendar_fiscal_year_range (calendar, fiscal_year, &first, &last);
  layout->first_julian = g_date_get_julian (&first);
  layout->n_days = g_date_get_julian (&last) - layout->first_julian + 1;

  layout->working = g_new (guint8, layout->n_days);
  for (guint d = 0; d < layout->n_days; d++)
    {
      g_date_set_julian (&day, layout->first_julian + d);
      layout->working[d] = sp_calendar_is_working_day (calendar, &day) ? 1 : 0;
    }

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      sp_calendar_month_range (calendar, fiscal_year, m, &day, NULL);
      layout->month_day[m] = g_date_get_julian (&day) - layout->first_julian;
    }
  layout->month_day[SP_BD_N_MONTHS] = layout->n_days;

  weeks = sp_calendar_weeks_of_fiscal_year (calendar, fiscal_year);
  layout->n_weeks = weeks->len;
  layout->week_julian = g_memdup2 (weeks->data, weeks->len * sizeof (guint32));
  layout->week_part = g_new0 (guint, layout->n_weeks + 1);

  for (guint d = 0; d < layout->n_days; d++)
    {
      guint32 julian = layout->first_julian + d;
      SpBdPart *last_part = parts->len ? &g_array_index (parts, SpBdPart, parts->len - 1) : NULL;

      while (month + 1 < SP_BD_N_MONTHS && d >= layout->month_day[month + 1])
        month++;
      while (week + 1 < layout->n_weeks && julian >= layout->week_julian[week + 1])
        week++;

      if (last_part == NULL || last_part->month != month || last_part->week != week)
        {
          SpBdPart part = { month, week, d, 0 };

          if (last_part == NULL || last_part->month != month)
            layout->month_part[month] = parts->len;
          if (last_part == NULL || last_part->week != week)
            layout->week_part[week] = parts->len;
          g_array_append_val (parts, part);
          last_part = &g_array_index (parts, SpBdPart, parts->len - 1);
        }
      last_part->n_days++;
    }

  layout->n_parts = parts->len;
  layout->month_part[SP_BD_N_MONTHS] = parts->len;
  layout->week_part[layout->n_weeks] = parts->len;
  layout->parts = (SpBdPart *) g_array_free (g_steal_pointer (&parts), FALSE);

  return g_steal_pointer (&layout);
}

void
sp_bd_layout_free (SpBdLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->calendar, sp_calendar_free);
  g_free (layout->working);
  g_free (layout->week_julian);
  g_free (layout->week_part);
  g_free (layout->parts);
  g_free (layout);
}

guint
sp_bd_layout_n_periods (const SpBdLayout  *layout,
                        SpBreakdownPeriod  period)
{
  switch (period)
    {
    case SP_BREAKDOWN_PERIOD_YEAR:
      return 1;
    case SP_BREAKDOWN_PERIOD_QUARTER:
      return 4;
    case SP_BREAKDOWN_PERIOD_MONTH:
      return SP_BD_N_MONTHS;
    case SP_BREAKDOWN_PERIOD_WEEK:
      return layout->n_weeks;
    case SP_BREAKDOWN_PERIOD_DAY:
      return layout->n_days;
    default:
      return 0;
    }
}

void
sp_bd_layout_period_range (const SpBdLayout  *layout,
                           SpBreakdownPeriod  period,
                           guint              index,
                           guint32           *start,
                           guint32           *first,
                           guint32           *last)
{
  guint32 year_last = layout->first_julian + layout->n_days - 1;
  guint32 a = layout->first_julian;
  guint32 b = year_last;
  guint32 s;

  switch (period)
    {
    case SP_BREAKDOWN_PERIOD_QUARTER:
      a = layout->first_julian + layout->month_day[index * 3];
      b = layout->first_julian + layout->month_day[index * 3 + 3] - 1;
      break;
    case SP_BREAKDOWN_PERIOD_MONTH:
      a = layout->first_julian + layout->month_day[index];
      b = layout->first_julian + layout->month_day[index + 1] - 1;
      break;
    case SP_BREAKDOWN_PERIOD_WEEK:
      a = layout->week_julian[index];
      b = MIN (a + WEEK_DAYS - 1, year_last);
      break;
    case SP_BREAKDOWN_PERIOD_DAY:
      a = b = layout->first_julian + index;
      break;
    case SP_BREAKDOWN_PERIOD_YEAR:
    default:
      break;
    }

  s = a;
  a = MAX (a, layout->first_julian);
  if (start != NULL)
    *start = s;
  if (first != NULL)
    *first = a;
  if (last != NULL)
    *last = b;
}

guint
sp_bd_layout_working_days (const SpBdLayout *layout,
                           guint             first,
                           guint             n_days)
{
  guint n = 0;

  for (guint d = first; d < first + n_days && d < layout->n_days; d++)
    n += layout->working[d];

  return n;
}

guint
sp_bd_layout_week_of_day (const SpBdLayout *layout,
                          guint             day)
{
  return (layout->first_julian + day - layout->week_julian[0]) / WEEK_DAYS;
}

/* The model's bookkeeping. */

SpBdModel *
sp_bd_model_new (SpBdLayout *layout)
{
  SpBdModel *model = g_new0 (SpBdModel, 1);

  model->layout = layout;
  model->series = g_array_new (FALSE, TRUE, sizeof (SpBdSeries));
  model->families = g_array_new (FALSE, TRUE, sizeof (SpBdFamily));
  model->value_stride = SP_BD_V_PART (layout->n_parts);
  model->slot_stride = SP_BD_S_WEEK (layout->n_weeks);

  return model;
}

void
sp_bd_model_free (SpBdModel *model)
{
  if (model == NULL)
    return;

  for (guint s = 0; s < model->series->len; s++)
    g_free (sp_bd_series (model, s)->name);
  for (guint f = 0; f < model->families->len; f++)
    g_array_unref (sp_bd_family (model, f)->members);
  g_array_unref (model->series);
  g_array_unref (model->families);
  g_free (model->values);
  g_free (model->locks);
  g_free (model->weights);
  g_free (model->ids);
  g_free (model->stored);
  g_clear_pointer (&model->index, g_hash_table_unref);
  g_free (model->keys);
  sp_bd_layout_free (model->layout);
  g_free (model);
}

guint
sp_bd_model_add_series (SpBdModel            *model,
                        SpBreakdownDimension  dimension,
                        gint64                member_id,
                        const char           *name,
                        int                   parent)
{
  SpBdSeries series = { 0 };

  g_assert (model->values == NULL);

  series.dimension = dimension;
  series.member_id = member_id;
  series.name = g_strdup (name ? name : "");
  series.parent = parent;
  series.family = -1;
  series.parent_id = parent >= 0 ? sp_bd_series (model, parent)->member_id : 0;
  series.year_source = SP_WEIGHT_SOURCE_EQUAL;
  series.month_source = SP_WEIGHT_SOURCE_EQUAL;
  series.active_first = 0;
  series.active_end = model->layout->n_days;
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    series.ramp_bp[m] = SP_BD_RAMP_NONE;
  g_array_append_val (model->series, series);

  return model->series->len - 1;
}

static inline gint64
series_key (SpBreakdownDimension dimension,
            gint64               member_id)
{
  return member_id * SP_BREAKDOWN_N_DIMENSIONS + dimension;
}

void
sp_bd_model_finish (SpBdModel *model)
{
  guint n = model->series->len;

  model->keys = g_new (gint64, MAX (n, 1));
  model->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint s = 0; s < n; s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);

      model->keys[s] = series_key (series->dimension, series->member_id);
      g_hash_table_insert (model->index, &model->keys[s], GUINT_TO_POINTER (s + 1));
    }

  for (guint s = 0; s < n; s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);
      SpBdFamily *family = NULL;
      guint f;

      if (series->parent < 0)
        continue;

      for (f = 0; f < model->families->len; f++)
        {
          family = sp_bd_family (model, f);
          if (family->parent == (guint) series->parent && family->dimension == series->dimension)
            break;
        }
      if (f == model->families->len)
        {
          SpBdFamily added = { series->dimension, (guint) series->parent,
                               g_array_new (FALSE, FALSE, sizeof (guint)) };

          g_array_append_val (model->families, added);
          family = sp_bd_family (model, f);
        }
      series->family = (int) f;
      series->row = family->members->len;
      g_array_append_val (family->members, s);
    }

  model->values = g_new0 (gint64, sp_bd_model_values_size (model));
  model->locks = g_new0 (guint8, sp_bd_model_slots_size (model));
  model->weights = g_new (gint64, sp_bd_model_slots_size (model));
  model->ids = g_new0 (gint64, sp_bd_model_slots_size (model));
  model->stored = g_new0 (gint64, sp_bd_model_slots_size (model));
  for (gsize k = 0; k < sp_bd_model_slots_size (model); k++)
    model->weights[k] = SP_BD_NO_WEIGHT;
}

int
sp_bd_model_find (SpBdModel            *model,
                  SpBreakdownDimension  dimension,
                  gint64                member_id)
{
  if (model->index != NULL)
    {
      gint64 key = series_key (dimension, member_id);

      return (int) GPOINTER_TO_UINT (g_hash_table_lookup (model->index, &key)) - 1;
    }

  for (guint s = 0; s < model->series->len; s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);

      if (series->dimension == dimension && series->member_id == member_id)
        return (int) s;
    }

  return -1;
}

guint
sp_bd_model_n_series (SpBdModel *model)
{
  return model->series->len;
}

gsize
sp_bd_model_values_size (SpBdModel *model)
{
  return (gsize) model->series->len * model->value_stride;
}

gsize
sp_bd_model_slots_size (SpBdModel *model)
{
  return (gsize) model->series->len * model->slot_stride;
}

guint
sp_bd_slot_of (SpBreakdownPeriod period,
               guint             index)
{
  switch (period)
    {
    case SP_BREAKDOWN_PERIOD_QUARTER:
      return SP_BD_S_QUARTER (index);
    case SP_BREAKDOWN_PERIOD_MONTH:
      return SP_BD_S_MONTH (index);
    case SP_BREAKDOWN_PERIOD_WEEK:
      return SP_BD_S_WEEK (index);
    case SP_BREAKDOWN_PERIOD_YEAR:
    case SP_BREAKDOWN_PERIOD_DAY:
    default:
      return SP_BD_S_YEAR;
    }
}

gint64
sp_bd_slot_amount (const SpBdModel *model,
                   const gint64    *v,
                   guint            slot)
{
  const SpBdLayout *layout = model->layout;
  gint64 sum = 0;

  if (slot == SP_BD_S_YEAR)
    return v[SP_BD_V_YEAR];

  if (slot < SP_BD_S_MONTH (0))
    {
      guint q = slot - SP_BD_S_QUARTER (0);

      return v[SP_BD_V_MONTH (q * 3)] + v[SP_BD_V_MONTH (q * 3 + 1)] + v[SP_BD_V_MONTH (q * 3 + 2)];
    }

  if (slot < SP_BD_S_WEEK (0))
    return v[SP_BD_V_MONTH (slot - SP_BD_S_MONTH (0))];

  for (guint p = layout->week_part[slot - SP_BD_S_WEEK (0)];
       p < layout->week_part[slot - SP_BD_S_WEEK (0) + 1]; p++)
    sum += v[SP_BD_V_PART (p)];

  return sum;
}

/* 1 for each working day series @s is on the team. */
static void
working_weights (const SpBdModel *model,
                 guint            s,
                 guint            first,
                 guint            n_days,
                 gint64          *out)
{
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);

  for (guint i = 0; i < n_days; i++)
    out[i] = first + i >= series->active_first && first + i < series->active_end
             ? model->layout->working[first + i] : 0;
}

/* Within a part the days are equal per working day, the extra units on the earliest: the
 * month's own split when nothing else shaped it, since its extra units come first too. */
void
sp_bd_part_days (const SpBdModel *model,
                 guint            s,
                 guint            p,
                 gint64          *out)
{
  const SpBdPart *part = &model->layout->parts[p];
  const gint64 *v = model->values + (gsize) s * model->value_stride;
  gint64 weights[WEEK_DAYS];

  working_weights (model, s, part->first, part->n_days, weights);
  if (!sp_allocate (v[SP_BD_V_PART (p)], weights, NULL, NULL, part->n_days, out, NULL, NULL))
    memset (out, 0, part->n_days * sizeof *out);
}

gboolean
sp_bd_parts_from_weeks (const SpBdModel *model,
                        gint64          *v,
                        const gint64    *weeks)
{
  const SpBdLayout *layout = model->layout;
  gboolean fits = TRUE;

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      gint64 sum = 0;

      for (guint p = layout->month_part[m]; p < layout->month_part[m + 1]; p++)
        {
          guint w = layout->parts[p].week;
          guint week_first = layout->week_part[w];
          gint64 amount;

          if (p != week_first)
            amount = weeks[w] - v[SP_BD_V_PART (week_first)];
          else if (layout->week_part[w + 1] - 1 != p)
            amount = v[SP_BD_V_MONTH (m)] - sum;   /* runs on into the next month */
          else
            amount = weeks[w];

          v[SP_BD_V_PART (p)] = amount;
          sum += amount;
          fits = fits && amount >= 0;
        }
      fits = fits && sum == v[SP_BD_V_MONTH (m)];
    }

  return fits;
}

/* One series' months. */

/* The seeds, each times its month factor (a member not on the team all year, or ramping
 * up): scaled by 2^20 so that the factors keep their precision, unless every factor is 1. */
static void
month_weights (SpBdModel *model,
               guint      s,
               gint64    *out)
{
  const gint64 *weights = sp_bd_weights (model, s);
  double factors[SP_BD_N_MONTHS];
  gboolean scaled = FALSE;
  gint64 largest = 0;
  double scale = 1 << 20;

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      gint64 w = weights[SP_BD_S_MONTH (m)];

      out[m] = w == SP_BD_NO_WEIGHT ? 1 : MAX (w, 0);
      factors[m] = sp_bd_month_factor (model, s, m);
      scaled = scaled || factors[m] != 1;
      largest = MAX (largest, out[m]);
    }
  if (!scaled)
    return;

  while (scale > 1 && (double) largest * scale * 4 > (double) G_MAXINT64 / SP_BD_N_MONTHS)
    scale /= 2;
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    if (factors[m] != 1)
      {
        gint64 w = (gint64) llround ((double) out[m] * factors[m] * scale);

        out[m] = factors[m] > 0 && out[m] > 0 ? MAX (w, 1) : 0;
      }
    else
      out[m] = (gint64) ((double) out[m] * scale);
}

/* Months that keep their value: locked ones and those of locked quarters, and months with
 * no working day on the team (at 0). */
static void
month_locks (SpBdModel *model,
             guint      s,
             gboolean   with_quarters,
             gboolean  *out)
{
  const guint8 *locks = sp_bd_locks (model, s);
  gint64 *v = sp_bd_values (model, s);

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      out[m] = locks[SP_BD_S_MONTH (m)]
               || (with_quarters && locks[SP_BD_S_QUARTER (m / 3)]);
      if (sp_bd_month_factor (model, s, m) == 0)
        {
          out[m] = TRUE;
          v[SP_BD_V_MONTH (m)] = 0;
        }
    }
}

gboolean
sp_bd_row_split_year (SpBdModel  *model,
                      guint       s,
                      gint64      total,
                      gint64     *excess,
                      GError    **error)
{
  gint64 *v = sp_bd_values (model, s);
  gint64 weights[SP_BD_N_MONTHS];
  gint64 out[SP_BD_N_MONTHS];
  gboolean locked[SP_BD_N_MONTHS];

  month_weights (model, s, weights);
  month_locks (model, s, TRUE, locked);
  if (!sp_allocate (total, weights, v + SP_BD_V_MONTH (0), locked, SP_BD_N_MONTHS, out, excess,
                    error))
    return FALSE;

  memcpy (v + SP_BD_V_MONTH (0), out, sizeof out);
  v[SP_BD_V_YEAR] = total;
  return TRUE;
}

gboolean
sp_bd_row_set_month (SpBdModel  *model,
                     guint       s,
                     guint       month,
                     gint64      amount,
                     gint64     *excess,
                     GError    **error)
{
  gint64 *v = sp_bd_values (model, s);
  guint q = month / 3;
  gint64 weights[SP_BD_N_MONTHS];
  gint64 out[SP_BD_N_MONTHS];
  gboolean locked[SP_BD_N_MONTHS];

  month_weights (model, s, weights);

  /* Inside a locked quarter the quarter is the parent: its other months take the change. */
  if (sp_bd_locks (model, s)[SP_BD_S_QUARTER (q)])
    {
      gint64 *months = v + SP_BD_V_MONTH (q * 3);

      month_locks (model, s, FALSE, locked);
      if (!sp_allocation_rebalance (months[0] + months[1] + months[2], months, locked + q * 3,
                                    weights + q * 3, 3, month - q * 3, amount, out, excess,
                                    error))
        return FALSE;
      memcpy (months, out, 3 * sizeof *out);
      return TRUE;
    }

  month_locks (model, s, TRUE, locked);
  if (!sp_allocation_rebalance (v[SP_BD_V_YEAR], v + SP_BD_V_MONTH (0), locked, weights,
                                SP_BD_N_MONTHS, month, amount, out, excess, error))
    return FALSE;

  memcpy (v + SP_BD_V_MONTH (0), out, sizeof out);
  return TRUE;
}

gboolean
sp_bd_row_set_quarter (SpBdModel  *model,
                       guint       s,
                       guint       quarter,
                       gint64      amount,
                       gint64     *excess,
                       GError    **error)
{
  gint64 *v = sp_bd_values (model, s);
  gint64 weights[SP_BD_N_MONTHS];
  gint64 values[SP_BD_N_MONTHS];
  gint64 out[SP_BD_N_MONTHS];
  gboolean locked[SP_BD_N_MONTHS];
  guint first = quarter * 3;

  month_weights (model, s, weights);

  /* The quarter over its own months first, then the other quarters take the rest. */
  month_locks (model, s, FALSE, locked);
  memcpy (values, v + SP_BD_V_MONTH (0), sizeof values);
  if (!sp_allocate (amount, weights + first, values + first, locked + first, 3, out, excess,
                    error))
    return FALSE;

  month_locks (model, s, TRUE, locked);
  for (guint m = first; m < first + 3; m++)
    {
      locked[m] = TRUE;
      values[m] = out[m - first];
    }
  if (!sp_allocate (v[SP_BD_V_YEAR], weights, values, locked, SP_BD_N_MONTHS, out, excess,
                    error))
    return FALSE;

  memcpy (v + SP_BD_V_MONTH (0), out, sizeof out);
  return TRUE;
}

/* The month over its working days, keeping the days of locked weeks and @pin_n days from day
 * @pin_first at @pin_values; then the days are summed back into the month's parts. */
static gboolean
split_month_days (SpBdModel     *model,
                  guint          s,
                  guint          month,
                  guint          pin_first,
                  guint          pin_n,
                  const gint64  *pin_values,
                  gint64        *excess,
                  GError       **error)
{
  const SpBdLayout *layout = model->layout;
  gint64 *v = sp_bd_values (model, s);
  const guint8 *locks = sp_bd_locks (model, s);
  guint first = layout->month_day[month];
  guint n = layout->month_day[month + 1] - first;
  gint64 weights[MAX_MONTH_DAYS];
  gint64 values[MAX_MONTH_DAYS] = { 0 };
  gboolean locked[MAX_MONTH_DAYS] = { FALSE };
  gint64 days[MAX_MONTH_DAYS];

  g_assert (n <= MAX_MONTH_DAYS);

  working_weights (model, s, first, n, weights);
  for (guint p = layout->month_part[month]; p < layout->month_part[month + 1]; p++)
    {
      const SpBdPart *part = &layout->parts[p];

      if (!locks[SP_BD_S_WEEK (part->week)])
        continue;
      sp_bd_part_days (model, s, p, values + (part->first - first));
      for (guint d = 0; d < part->n_days; d++)
        locked[part->first - first + d] = TRUE;
    }
  for (guint d = 0; d < pin_n; d++)
    {
      locked[pin_first - first + d] = TRUE;
      values[pin_first - first + d] = pin_values[d];
    }

  if (!sp_allocate (v[SP_BD_V_MONTH (month)], weights, values, locked, n, days, excess, error))
    return FALSE;

  for (guint p = layout->month_part[month]; p < layout->month_part[month + 1]; p++)
    {
      const SpBdPart *part = &layout->parts[p];
      gint64 sum = 0;

      for (guint d = 0; d < part->n_days; d++)
        sum += days[part->first - first + d];
      v[SP_BD_V_PART (p)] = sum;
    }

  return TRUE;
}

gboolean
sp_bd_row_split_month_days (SpBdModel  *model,
                            guint       s,
                            guint       month,
                            gint64     *excess,
                            GError    **error)
{
  return split_month_days (model, s, month, 0, 0, NULL, excess, error);
}

gboolean
sp_bd_row_set_week (SpBdModel  *model,
                    guint       s,
                    guint       week,
                    gint64      amount,
                    guint      *out_months,
                    gint64     *excess,
                    GError    **error)
{
  const SpBdLayout *layout = model->layout;
  guint a = layout->week_part[week];
  guint b = layout->week_part[week + 1];
  guint first = layout->parts[a].first;
  guint n = layout->parts[b - 1].first + layout->parts[b - 1].n_days - first;
  gint64 weights[WEEK_DAYS];
  gint64 days[WEEK_DAYS];

  g_assert (n <= WEEK_DAYS);

  *out_months = 0;
  working_weights (model, s, first, n, weights);
  if (!sp_allocate (amount, weights, NULL, NULL, n, days, excess, error))
    return FALSE;

  for (guint p = a; p < b; p++)
    {
      const SpBdPart *part = &layout->parts[p];

      if (!split_month_days (model, s, part->month, part->first, part->n_days,
                             days + (part->first - first), excess, error))
        return FALSE;
      *out_months |= 1u << part->month;
    }

  return TRUE;
}
