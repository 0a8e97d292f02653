/* sp-chart-scale.h — linear scales, "nice" ticks and the label formatters for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-money.h"

G_BEGIN_DECLS

/* Formats a value for a label; returns a newly allocated string. */
typedef char *(*SpChartFormatFunc) (double   value,
                                    gpointer user_data);

#define SP_CHART_MAX_TICKS 16

typedef enum
{
  SP_CHART_TICKS_DEFAULT = 0,
  SP_CHART_TICKS_INTEGER = 1 << 0,   /* steps of whole units: counts, money in minor units */
} SpChartTicksFlags;

typedef struct
{
  double lower;                        /* first tick, <= the data's minimum */
  double upper;                        /* last tick, >= the data's maximum */
  double step;                         /* 1, 2, 2.5 or 5 times a power of ten */
  guint  n_ticks;
  double values[SP_CHART_MAX_TICKS];   /* lower, lower + step, …, upper */
} SpChartTicks;

/* Maps the domain [domain_lower, domain_upper] linearly onto [range_lower, range_upper]
 * (pixels; a vertical axis has range_lower at the bottom, the larger y). */
typedef struct
{
  double domain_lower, domain_upper;
  double range_lower, range_upper;
} SpChartScale;

/* The fewest nice ticks, at most @max_ticks (2 … SP_CHART_MAX_TICKS), that cover
 * [@min, @max]. An empty range is widened (0 … 1 for zero). */
void      sp_chart_ticks_compute    (SpChartTicks       *ticks,
                                     double              min,
                                     double              max,
                                     guint               max_ticks,
                                     SpChartTicksFlags   flags);

void      sp_chart_scale_init       (SpChartScale       *scale,
                                     double              domain_lower,
                                     double              domain_upper,
                                     double              range_lower,
                                     double              range_upper);
double    sp_chart_scale_map        (const SpChartScale *scale,
                                     double              value);
double    sp_chart_scale_invert     (const SpChartScale *scale,
                                     double              position);

/* "1,234", "0.25", "-12": the locale's decimal point and grouping ("," in the C locale),
 * at most four decimals, trailing zeros dropped. @user_data is ignored. */
char     *sp_chart_format_number    (double              value,
                                     gpointer            user_data);
/* Compact money ("¥2.5M", "¥250万") of @value minor units; @currency is a const SpCurrency *. */
char     *sp_chart_format_money     (double              value,
                                     gpointer            currency);
/* "42.3%" for 0.423; one decimal. */
char     *sp_chart_format_percent   (double              ratio);
/* sp_chart_format_percent as an SpChartFormatFunc, for rates (win rate, attainment) shown
 * by a chart that takes a formatter. @user_data is ignored. */
char     *sp_chart_format_ratio     (double              ratio,
                                     gpointer            user_data);

G_END_DECLS
