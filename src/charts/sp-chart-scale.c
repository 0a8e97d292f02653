/* sp-chart-scale.c — linear scales, "nice" ticks and the label formatters for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-scale"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "sp-chart-scale.h"

/* step = multiplier * 10^exponent, computed so that 0.1-ish steps stay as exact as doubles allow */
static double
step_value (double multiplier,
            int    exponent)
{
  return exponent >= 0 ? multiplier * pow (10.0, exponent) : multiplier / pow (10.0, -exponent);
}

void
sp_chart_ticks_compute (SpChartTicks      *ticks,
                        double             min,
                        double             max,
                        guint              max_ticks,
                        SpChartTicksFlags  flags)
{
  static const double multipliers[] = { 1.0, 2.0, 2.5, 5.0 };
  gboolean integer = (flags & SP_CHART_TICKS_INTEGER) != 0;
  double raw, first_fit = 0, best_span = G_MAXDOUBLE, best_lo = 0;
  int exponent, best_exponent = 0;
  guint best_m = 0;

  g_return_if_fail (ticks != NULL);

  memset (ticks, 0, sizeof *ticks);
  if (!isfinite (min) || !isfinite (max))
    min = max = 0.0;
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  max_ticks = CLAMP (max_ticks, 2, SP_CHART_MAX_TICKS);

  /* An empty range: a bar of one value still needs an axis from zero. */
  if (max - min <= 1e-12 * MAX (1.0, fabs (max)))
    {
      if (max > 0)
        min = 0.0;
      else if (max < 0)
        max = 0.0;
      else
        max = 1.0;
    }

  /* A range across zero needs a tick on each side of it. */
  if (min < 0 && max > 0)
    max_ticks = MAX (max_ticks, 3);

  raw = (max - min) / (max_ticks - 1);
  exponent = (int) floor (log10 (raw));
  if (integer)
    exponent = MAX (exponent, 0);

  /* Of the steps that need few enough ticks, the one whose axis wastes the least room (the
   * smaller step on a tie); a larger step can end nearer the data (-100 … -75 by 25 rather
   * than -100 … -60 by 20). Steps beyond ten times the first that fits never win. */
  for (; exponent < 308; exponent++)
    {
      if (first_fit > 0 && step_value (1.0, exponent) > 10 * first_fit)
        break;
      for (guint m = 0; m < G_N_ELEMENTS (multipliers); m++)
        {
          double step = step_value (multipliers[m], exponent);
          double lo, hi, span;

          if (integer && step != floor (step))
            continue;

          lo = floor (min / step + 1e-9);
          hi = ceil (max / step - 1e-9);
          if (hi - lo + 1 > max_ticks)
            continue;

          if (first_fit == 0)
            first_fit = step;
          span = (hi - lo) * step;
          if (span < best_span * (1 - 1e-9))
            {
              best_span = span;
              best_lo = lo;
              best_m = m;
              best_exponent = exponent;
              ticks->step = step;
              ticks->n_ticks = (guint) (hi - lo + 1);
            }
        }
    }

  g_assert (ticks->n_ticks >= 2);
  for (guint i = 0; i < ticks->n_ticks; i++)
    ticks->values[i] = best_exponent >= 0
                       ? (best_lo + i) * ticks->step
                       : (best_lo + i) * multipliers[best_m] / pow (10.0, -best_exponent);
  ticks->lower = ticks->values[0];
  ticks->upper = ticks->values[ticks->n_ticks - 1];
}

void
sp_chart_scale_init (SpChartScale *scale,
                     double        domain_lower,
                     double        domain_upper,
                     double        range_lower,
                     double        range_upper)
{
  g_return_if_fail (scale != NULL);

  scale->domain_lower = domain_lower;
  scale->domain_upper = domain_upper;
  scale->range_lower = range_lower;
  scale->range_upper = range_upper;
}

double
sp_chart_scale_map (const SpChartScale *scale,
                    double              value)
{
  double span;

  g_return_val_if_fail (scale != NULL, 0.0);

  span = scale->domain_upper - scale->domain_lower;
  if (span == 0.0)
    return scale->range_lower;

  return scale->range_lower
         + (value - scale->domain_lower) / span * (scale->range_upper - scale->range_lower);
}

double
sp_chart_scale_invert (const SpChartScale *scale,
                       double              position)
{
  double span;

  g_return_val_if_fail (scale != NULL, 0.0);

  span = scale->range_upper - scale->range_lower;
  if (span == 0.0)
    return scale->domain_lower;

  return scale->domain_lower
         + (position - scale->range_lower) / span * (scale->domain_upper - scale->domain_lower);
}

char *
sp_chart_format_number (double   value,
                        gpointer user_data)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  const char *separator = lc->thousands_sep != NULL && *lc->thousands_sep ? lc->thousands_sep : ",";
  g_autoptr(GString) out = g_string_new (NULL);
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 32];
  const char *dot;
  gsize integer_len;
  gsize fraction_len;

  if (!isfinite (value))
    return g_strdup ("—");

  g_ascii_formatd (digits, sizeof digits, "%.4f", fabs (value));
  dot = strchr (digits, '.');
  integer_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  fraction_len = dot != NULL ? strlen (dot + 1) : 0;
  while (fraction_len > 0 && dot[fraction_len] == '0')
    fraction_len--;

  if (value < 0 && strpbrk (digits, "123456789") != NULL)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < integer_len; i++)
    {
      if (i > 0 && (integer_len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  if (fraction_len > 0)
    {
      g_string_append (out, point);
      g_string_append_len (out, dot + 1, fraction_len);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sp_chart_format_money (double   value,
                       gpointer currency)
{
  gint64 minor;

  if (currency == NULL || !isfinite (value))
    return sp_chart_format_number (value, NULL);

  /* ±9.2e18 is the end of gint64; a chart never gets there, but a rounding must not wrap. */
  value = CLAMP (round (value), -9.0e18, 9.0e18);
  minor = (gint64) value;

  return sp_money_format (minor, currency, SP_MONEY_FORMAT_COMPACT);
}

char *
sp_chart_format_percent (double ratio)
{
  if (!isfinite (ratio))
    return g_strdup ("—");

  /* A tiny share is not nothing. */
  if (ratio > 0 && ratio < 0.0005)
    return g_strdup_printf ("<%.1f%%", 0.1);

  return g_strdup_printf ("%.1f%%", ratio * 100.0);
}

char *
sp_chart_format_ratio (double   ratio,
                       gpointer user_data)
{
  return sp_chart_format_percent (ratio);
}
