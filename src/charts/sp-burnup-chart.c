/* sp-burnup-chart.c — cumulative burn-up: target line, actual to date, run-rate projection
 *
 * Layout order: the header (title on the left, a legend of the three lines on the right),
 * the row of three figures (actual to date, projection, still needed per day), then the
 * plot with its value axis on the left, day axis below and the end values of the target
 * and the projection in a gutter on the right. The figures are computed in exact integer
 * arithmetic before anything is placed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-burnup-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-attainment-chart.h"
#include "sp-burnup-chart.h"

static char *
format_amount (const SpBurnupData *data,
               gint64              value)
{
  if (data->format_amount != NULL)
    return data->format_amount ((double) value, data->format_data);

  return sp_chart_format_number ((double) value, NULL);
}

static char *
format_day (const SpBurnupData *data,
            double              day)
{
  if (data->format_day != NULL)
    return data->format_day (day, data->format_day_data);

  return sp_chart_format_number (day, NULL);
}

static PangoLayout *
text_new (PangoContext       *context,
          const SpChartStyle *style,
          SpChartFont         font,
          char               *text)
{
  PangoLayout *layout = sp_chart_text_layout_new (context, style, font, text, 0);

  g_free (text);
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  double width = 0;

  sp_chart_text_get_size (layout, &width, NULL);
  return width;
}

static gboolean
add_label (SpBurnupLayout     *out,
           PangoLayout        *layout,
           double              x,
           double              y,
           const SpChartColor *color,
           int                 item,
           const SpChartRect  *bounds)
{
  SpChartLabel label;

  sp_chart_label_init (&label, layout, x, y, color, item);

  return sp_chart_label_array_add (out->labels, &label, bounds);
}

static gint64
saturating_add (gint64 a,
                gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;

  return a + b;
}

void
sp_burnup_compute_figures (const SpBurnupData *data,
                           SpBurnupLayout     *out)
{
  gint64 gap;

  out->actual = 0;
  for (guint i = 0; i < data->elapsed_days; i++)
    out->actual = saturating_add (out->actual, data->daily_actual[i]);

  out->remaining_days = data->total_days - data->elapsed_days;
  out->projected = data->elapsed_days > 0
                   ? sp_money_scale (out->actual, data->total_days, data->elapsed_days)
                   : out->actual;
  out->has_projection = data->elapsed_days > 0 && out->remaining_days > 0;

  if (data->target <= 0)
    {
      out->status = SP_BURNUP_NO_TARGET;
      return;
    }
  if (out->actual >= data->target)
    {
      out->status = SP_BURNUP_TARGET_MET;
      return;
    }

  /* target > actual here, so the gap is positive; it can only overflow for a negative actual. */
  gap = out->actual < 0 ? saturating_add (data->target, -MAX (out->actual, -G_MAXINT64))
                        : data->target - out->actual;
  if (out->remaining_days == 0)
    {
      out->status = SP_BURNUP_NO_DAYS_LEFT;
      out->shortfall = gap;
      return;
    }

  out->status = SP_BURNUP_NEEDED;
  out->needed_per_day = gap / out->remaining_days + (gap % out->remaining_days != 0 ? 1 : 0);
}

/* Title on the left, a legend of the lines on the right. Returns the height used. */
static double
layout_header (const SpBurnupData *data,
               const SpChartStyle *style,
               PangoContext       *context,
               const SpChartRect  *content,
               const SpChartRect  *bounds,
               gboolean            with_legend,
               SpBurnupLayout     *out)
{
  const char *names[3] = { _("Target"), _("Actual"), _("Run-rate projection") };
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  SpChartRect swatches[3];
  double used;

  used = sp_chart_text_add_header (out->labels, context, style, data->title, names,
                                   with_legend ? (out->has_projection ? 3 : 2) : 0,
                                   round (22.0 * fs), content, bounds, swatches);
  out->show_legend = with_legend && swatches[0].width > 0;
  if (out->show_legend)
    {
      out->legend_target = swatches[0];
      out->legend_actual = swatches[1];
      if (out->has_projection)
        out->legend_projection = swatches[2];
    }

  return used;
}

typedef struct
{
  char               *caption;
  char               *value;
  char               *note;
  const SpChartColor *value_color;
} Figure;

static void
figure_clear (Figure *figure)
{
  g_clear_pointer (&figure->caption, g_free);
  g_clear_pointer (&figure->value, g_free);
  g_clear_pointer (&figure->note, g_free);
}

static char *
of_target (gint64 amount,
           gint64 target)
{
  g_autofree char *percent = NULL;

  if (target <= 0)
    return NULL;

  percent = sp_attainment_format (amount, target);
  /* Translators: how much of the period's target an amount is, e.g. "68% of target". */
  return g_strdup_printf (_("%s of target"), percent);
}

static void
describe_figures (const SpBurnupData *data,
                  const SpChartStyle *style,
                  const SpBurnupLayout *out,
                  Figure              figures[3])
{
  figures[0].caption = g_strdup (_("Actual to date"));
  figures[0].value = format_amount (data, out->actual);
  figures[0].note = of_target (out->actual, data->target);
  figures[0].value_color = &style->foreground;

  /* Before the first day and after the last there is no run rate to project: the target. */
  if (out->has_projection)
    {
      figures[1].caption = g_strdup (_("Run-rate projection"));
      figures[1].value = format_amount (data, out->projected);
      figures[1].note = of_target (out->projected, data->target);
      figures[1].value_color = data->target <= 0 ? &style->foreground
                               : out->projected >= data->target ? &style->positive
                               : &style->negative;
    }
  else
    {
      figures[1].caption = g_strdup (_("Target"));
      figures[1].value = data->target > 0 ? format_amount (data, data->target) : g_strdup ("—");
      figures[1].note = data->elapsed_days == 0 ? g_strdup (_("Not started yet")) : NULL;
      figures[1].value_color = &style->foreground;
    }

  figures[2].caption = g_strdup (_("Still needed per day"));
  figures[2].value_color = &style->foreground;
  switch (out->status)
    {
    case SP_BURNUP_NEEDED:
      figures[2].value = format_amount (data, out->needed_per_day);
      figures[2].note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left",
                                                      "%u days left", out->remaining_days),
                                         out->remaining_days);
      break;
    case SP_BURNUP_TARGET_MET:
      figures[2].value = format_amount (data, 0);
      figures[2].note = g_strdup (_("Target reached"));
      figures[2].value_color = &style->positive;
      break;
    case SP_BURNUP_NO_DAYS_LEFT:
      {
        g_autofree char *shortfall = format_amount (data, out->shortfall);

        figures[2].value = g_strdup ("—");
        /* Translators: the period is over; %s is the amount by which the target was missed. */
        figures[2].note = g_strdup_printf (_("No days left, %s short"), shortfall);
      }
      break;
    case SP_BURNUP_NO_TARGET:
    default:
      figures[2].value = g_strdup ("—");
      figures[2].note = g_strdup (_("No target set"));
      break;
    }
}

/* Three figures side by side: caption, value, note. Returns the height used. */
static double
layout_figures (const SpBurnupData *data,
                const SpChartStyle *style,
                PangoContext       *context,
                const SpChartRect  *content,
                const SpChartRect  *bounds,
                const SpChartColor *secondary,
                SpBurnupLayout     *out)
{
  Figure figures[3] = { { 0 } };
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  double value_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_TITLE);
  double gap = 24.0 * fs;
  double column_w = (content->width - 2 * gap) / 3;

  if (column_w < 4.0 * small_h || content->height < 4 * (2 * small_h + value_h))
    return 0;

  describe_figures (data, style, out, figures);
  for (guint i = 0; i < 3; i++)
    {
      double x = content->x + i * (column_w + gap);
      double y = content->y;
      PangoLayout *value;
      double w;

      add_label (out, sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                figures[i].caption, column_w),
                 x, y, secondary, -1, bounds);
      /* A figure is never cut short: it is shown whole or not at all. */
      value = sp_chart_text_layout_new (context, style, SP_CHART_FONT_TITLE, figures[i].value, 0);
      sp_chart_text_get_size (value, &w, NULL);
      if (w <= column_w)
        add_label (out, value, x, y + small_h, figures[i].value_color, -1, bounds);
      else
        g_object_unref (value);
      if (figures[i].note != NULL)
        add_label (out, sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                  figures[i].note, column_w),
                   x, y + small_h + value_h, &style->foreground, -1, bounds);
      figure_clear (&figures[i]);
    }

  return 2 * small_h + value_h + 16.0 * fs;
}

static SpChartPoint
map_point (const SpBurnupLayout *out,
           double                day,
           double                value)
{
  return (SpChartPoint) { sp_chart_scale_map (&out->x_scale, day),
                          sp_chart_scale_map (&out->y_scale, value) };
}

/* The end values of the target and the projection, beside the plot's right edge, moved
 * apart when they would touch. */
static void
layout_end_values (const SpBurnupData *data,
                   const SpChartStyle *style,
                   PangoContext       *context,
                   double              gutter_x,
                   double              gutter_w,
                   const SpChartRect  *content,
                   const SpChartRect  *bounds,
                   SpBurnupLayout     *out)
{
  PangoLayout *texts[2] = { NULL, NULL };
  const SpChartColor *colors[2] = { &style->target, &style->series[1] };
  double ys[2], hs[2] = { 0, 0 };
  double gap = 4.0 * style->font_scale;

  if (gutter_w <= 0)
    return;
  if (data->target > 0)
    {
      texts[0] = text_new (context, style, SP_CHART_FONT_VALUE, format_amount (data, data->target));
      ys[0] = out->target_line.end.y;
    }
  /* The projection's end, or once the period is over the actual's. */
  if (out->has_projection || out->remaining_days == 0)
    {
      texts[1] = text_new (context, style, SP_CHART_FONT_VALUE,
                           format_amount (data, out->projected));
      ys[1] = out->projection.end.y;
    }

  for (guint i = 0; i < 2; i++)
    if (texts[i] != NULL)
      {
        sp_chart_text_get_size (texts[i], NULL, &hs[i]);
        ys[i] -= hs[i] / 2;
      }

  if (texts[0] != NULL && texts[1] != NULL)
    {
      guint upper = ys[0] <= ys[1] ? 0 : 1, lower = 1 - upper;
      double overlap = ys[upper] + hs[upper] + gap - ys[lower];

      if (overlap > 0)
        {
          ys[upper] -= overlap / 2;
          ys[lower] += overlap / 2;
        }
      if (ys[upper] < content->y)
        {
          ys[lower] += content->y - ys[upper];
          ys[upper] = content->y;
        }
      if (ys[lower] + hs[lower] > content->y + content->height)
        {
          ys[upper] -= ys[lower] + hs[lower] - (content->y + content->height);
          ys[lower] = content->y + content->height - hs[lower];
        }
    }

  for (guint i = 0; i < 2; i++)
    if (texts[i] != NULL)
      {
        double w;

        sp_chart_text_get_size (texts[i], &w, NULL);
        if (w > gutter_w)
          {
            g_object_unref (texts[i]);
            continue;
          }
        ys[i] = CLAMP (ys[i], content->y, content->y + content->height - hs[i]);
        /* The text takes the line's colour only where it stays readable. */
        add_label (out, texts[i], gutter_x, ys[i],
                   sp_chart_color_contrast (colors[i], &style->background) >= 4.5
                   ? colors[i] : &style->foreground,
                   -1, bounds);
      }
}

static void
layout_day_axis (const SpBurnupData *data,
                 const SpChartStyle *style,
                 PangoContext       *context,
                 const SpChartRect  *bounds,
                 const SpChartColor *secondary,
                 SpBurnupLayout     *out)
{
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double label_y = out->plot.y + out->plot.height + 6.0 * fs;
  PangoLayout *end;
  double end_w, max_ticks;
  SpChartTicks ticks;

  /* The period's end is labelled first so that a tick crowding it is the one left out. */
  end = text_new (context, style, SP_CHART_FONT_SMALL, format_day (data, data->total_days));
  sp_chart_text_get_size (end, &end_w, NULL);
  max_ticks = floor (out->plot.width / MAX (end_w * 1.8, 1.0)) + 1;
  sp_chart_ticks_compute (&ticks, 0, data->total_days, (guint) CLAMP (max_ticks, 2, 12),
                          SP_CHART_TICKS_INTEGER);
  add_label (out, end, MIN (out->plot.x + out->plot.width - end_w / 2,
                            bounds->x + bounds->width - end_w),
             label_y, secondary, -1, bounds);

  memset (&out->day_ticks, 0, sizeof out->day_ticks);
  for (guint i = 0; i < ticks.n_ticks; i++)
    {
      PangoLayout *text;
      double x, w;

      if (ticks.values[i] > data->total_days)
        break;
      out->day_ticks.values[out->day_ticks.n_ticks++] = ticks.values[i];
      /* The origin is the start of day 1, which has no label of its own. */
      if (ticks.values[i] == 0 || ticks.values[i] == data->total_days)
        continue;
      text = text_new (context, style, SP_CHART_FONT_SMALL, format_day (data, ticks.values[i]));
      sp_chart_text_get_size (text, &w, NULL);
      x = sp_chart_scale_map (&out->x_scale, ticks.values[i]) - w / 2;
      add_label (out, text, MAX (x, bounds->x), label_y, secondary, -1, bounds);
    }
  out->day_ticks.step = ticks.step;
  out->day_ticks.lower = 0;
  out->day_ticks.upper = out->day_ticks.n_ticks > 0
                         ? out->day_ticks.values[out->day_ticks.n_ticks - 1] : 0;
}

static void
compute_layout (const SpBurnupData *data,
                const SpChartStyle *style,
                PangoContext       *context,
                double              width,
                double              height,
                SpBurnupLayout     *out)
{
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  PangoLayout *tick_layouts[SP_CHART_MAX_TICKS];
  SpChartColor secondary;
  SpChartRect content;
  double fs, pad, used, small_h, value_h, axis_w = 0, axis_gap, gutter_w = 0, vmin = 0, vmax;
  gint64 cumulative = 0;
  guint max_ticks;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();
  out->today_x = NAN;

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (20.0 * fs, MIN (bounds.width, bounds.height) * 0.04);
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &secondary);

  if (data->total_days > 0)
    sp_burnup_compute_figures (data, out);
  used = MIN (layout_header (data, style, context, &content, &bounds, data->total_days > 0, out),
              content.height);
  content.y += used;
  content.height -= used;

  if (data->total_days == 0)
    {
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &content);
      return;
    }

  used = MIN (layout_figures (data, style, context, &content, &bounds, &secondary, out),
              content.height);
  content.y += used;
  content.height -= used;

  small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  value_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_VALUE);

  /* Value axis: from zero (or the lowest cumulative, after returns) to the highest of the
   * target, the projection and the actual so far. */
  vmax = (double) MAX (MAX (data->target, out->projected), 0);
  for (guint i = 0; i < data->elapsed_days; i++)
    {
      cumulative = saturating_add (cumulative, data->daily_actual[i]);
      vmin = MIN (vmin, (double) cumulative);
      vmax = MAX (vmax, (double) cumulative);
    }
  max_ticks = (guint) CLAMP (floor (MAX (content.height - 2 * small_h, 0) / (small_h * 2.5)) + 1,
                             2, 9);
  sp_chart_ticks_compute (&out->value_ticks, vmin, vmax, max_ticks, SP_CHART_TICKS_INTEGER);
  for (guint i = 0; i < out->value_ticks.n_ticks; i++)
    {
      double w;

      tick_layouts[i] = text_new (context, style, SP_CHART_FONT_SMALL,
                                  format_amount (data, (gint64) out->value_ticks.values[i]));
      sp_chart_text_get_size (tick_layouts[i], &w, NULL);
      axis_w = MAX (axis_w, w);
    }
  axis_gap = 8.0 * fs;
  axis_w = MIN (axis_w, 0.25 * content.width);

  /* The gutter holds the widest end value the chart can show. */
  {
    g_autoptr(PangoLayout) target = text_new (context, style, SP_CHART_FONT_VALUE,
                                              format_amount (data, data->target));
    g_autoptr(PangoLayout) projected = text_new (context, style, SP_CHART_FONT_VALUE,
                                                 format_amount (data, out->projected));

    gutter_w = MAX (text_width (target), text_width (projected));
    gutter_w = gutter_w + 8.0 * fs <= 0.25 * content.width ? gutter_w : 0;
  }

  out->plot.x = content.x + axis_w + axis_gap;
  out->plot.y = content.y + MAX (small_h / 2, value_h / 2);
  out->plot.width = MAX (content.x + content.width - out->plot.x
                         - (gutter_w > 0 ? gutter_w + 8.0 * fs : 0), 0);
  out->plot.height = MAX (content.y + content.height - out->plot.y - small_h - 6.0 * fs, 0);
  sp_chart_scale_init (&out->x_scale, 0, data->total_days, out->plot.x,
                       out->plot.x + out->plot.width);
  sp_chart_scale_init (&out->y_scale, out->value_ticks.lower, out->value_ticks.upper,
                       out->plot.y + out->plot.height, out->plot.y);

  for (guint i = 0; i < out->value_ticks.n_ticks; i++)
    {
      double y = sp_chart_scale_map (&out->y_scale, out->value_ticks.values[i]);
      double w = sp_chart_text_set_max_width (tick_layouts[i], axis_w);

      add_label (out, tick_layouts[i], out->plot.x - axis_gap - w, y - small_h / 2, &secondary,
                 -1, &bounds);
    }

  /* Lines, in scale coordinates mapped once. */
  out->n_days = data->total_days;
  out->n_points = data->elapsed_days + 1;
  out->points = g_new (SpChartPoint, out->n_points);
  out->points[0] = map_point (out, 0, 0);
  cumulative = 0;
  for (guint i = 0; i < data->elapsed_days; i++)
    {
      cumulative = saturating_add (cumulative, data->daily_actual[i]);
      out->points[i + 1] = map_point (out, i + 1, (double) cumulative);
    }
  out->target_line.start = map_point (out, 0, 0);
  out->target_line.end = map_point (out, data->total_days, (double) data->target);
  out->projection.start = map_point (out, data->elapsed_days, (double) out->actual);
  out->projection.end = map_point (out, data->total_days, (double) out->projected);

  layout_end_values (data, style, context, out->plot.x + out->plot.width + 8.0 * fs, gutter_w,
                     &content, &bounds, out);

  if (data->elapsed_days > 0 && out->remaining_days > 0)
    {
      PangoLayout *today = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                     _("Today"), 0);
      double w;

      out->today_x = round (sp_chart_scale_map (&out->x_scale, data->elapsed_days));
      sp_chart_text_get_size (today, &w, NULL);
      /* Beside the line, on the side with more room. */
      add_label (out, today,
                 data->elapsed_days * 2 > data->total_days ? out->today_x - 6.0 * fs - w
                                                           : out->today_x + 6.0 * fs,
                 out->plot.y, &secondary, -1, &bounds);
    }

  layout_day_axis (data, style, context, &bounds, &secondary, out);
}

void
sp_burnup_chart_layout (const SpBurnupData *data,
                        const SpChartStyle *style,
                        PangoContext       *context,
                        double              width,
                        double              height,
                        SpBurnupLayout     *out)
{
  PangoContext *own_context = NULL;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);
  g_return_if_fail (data->elapsed_days <= data->total_days);
  g_return_if_fail (data->elapsed_days == 0 || data->daily_actual != NULL);

  if (context == NULL)
    context = own_context = sp_chart_text_context_new ();
  compute_layout (data, style, context, width, height, out);
  g_clear_object (&own_context);
}

void
sp_burnup_layout_clear (SpBurnupLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->points, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_points = 0;
  layout->n_days = 0;
}

int
sp_burnup_layout_hit_test (const SpBurnupLayout *layout,
                           double                x,
                           double                y)
{
  double day;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_days == 0 || !sp_chart_rect_contains_point (&layout->plot, x, y))
    return -1;

  day = floor (sp_chart_scale_invert (&layout->x_scale, x));

  return (int) CLAMP (day, 0, layout->n_days - 1);
}

static void
stroke_line (cairo_t            *cr,
             const SpBurnupLine *line)
{
  cairo_move_to (cr, line->start.x, line->start.y);
  cairo_line_to (cr, line->end.x, line->end.y);
  cairo_stroke (cr);
}

/* Dashes of @length with gaps of 0.7 × @length. */
static void
set_dash (cairo_t *cr,
          double   length)
{
  const double dashes[2] = { length, 0.7 * length };

  cairo_set_dash (cr, dashes, 2, 0);
}

static void
paint_swatch (cairo_t            *cr,
              const SpChartRect  *rect,
              const SpChartColor *color,
              double              line_width,
              gboolean            dashed,
              double              fs)
{
  double y = rect->y + rect->height / 2;

  cairo_save (cr);
  if (dashed)
    set_dash (cr, 5.0 * fs);
  cairo_set_line_width (cr, line_width);
  sp_chart_set_source_color (cr, color);
  cairo_move_to (cr, rect->x, y);
  cairo_line_to (cr, rect->x + rect->width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sp_burnup_chart_paint (cairo_t              *cr,
                       const SpBurnupLayout *layout,
                       const SpChartStyle   *style)
{
  double fs, target_w, actual_w;
  SpChartColor tint;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  target_w = style->line_width * 1.5;
  actual_w = style->line_width * 2.0;
  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  if (layout->n_points > 0 && layout->plot.width > 0 && layout->plot.height > 0)
    {
      const SpChartPoint *last = &layout->points[layout->n_points - 1];
      double zero_y = round (sp_chart_scale_map (&layout->y_scale, 0));

      cairo_save (cr);
      cairo_rectangle (cr, layout->plot.x - actual_w, layout->plot.y - actual_w,
                       layout->plot.width + 2 * actual_w, layout->plot.height + 2 * actual_w);
      cairo_clip (cr);

      /* Grid lines on whole pixels so that they stay crisp. */
      cairo_set_line_width (cr, MAX (1.0, round (fs)));
      sp_chart_set_source_color (cr, &style->muted);
      for (guint i = 0; i < layout->value_ticks.n_ticks; i++)
        {
          double y = round (sp_chart_scale_map (&layout->y_scale,
                                                layout->value_ticks.values[i])) + 0.5;

          if (layout->value_ticks.values[i] == 0.0)
            continue;
          cairo_move_to (cr, layout->plot.x, y);
          cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
        }
      cairo_stroke (cr);

      /* The area under the actual, faint, so that the line reads as an amount piling up. */
      sp_chart_color_mix (&style->series[1], &style->background, 0.82, &tint);
      sp_chart_set_source_color (cr, &tint);
      cairo_move_to (cr, layout->points[0].x, zero_y);
      for (guint i = 0; i < layout->n_points; i++)
        cairo_line_to (cr, layout->points[i].x, layout->points[i].y);
      cairo_line_to (cr, last->x, zero_y);
      cairo_close_path (cr);
      cairo_fill (cr);

      if (isfinite (layout->today_x))
        {
          cairo_save (cr);
          set_dash (cr, 4.0 * fs);
          cairo_set_line_width (cr, MAX (1.0, round (fs)));
          sp_chart_set_source_color (cr, &style->muted);
          cairo_move_to (cr, layout->today_x + 0.5, layout->plot.y);
          cairo_line_to (cr, layout->today_x + 0.5, layout->plot.y + layout->plot.height);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (layout->target_line.end.y != layout->target_line.start.y)
        {
          cairo_set_line_width (cr, target_w);
          sp_chart_set_source_color (cr, &style->target);
          stroke_line (cr, &layout->target_line);
        }

      if (layout->has_projection)
        {
          cairo_save (cr);
          set_dash (cr, 7.0 * fs);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_line_width (cr, actual_w);
          sp_chart_set_source_color (cr, &style->series[1]);
          stroke_line (cr, &layout->projection);
          cairo_restore (cr);
        }

      cairo_set_line_width (cr, actual_w);
      sp_chart_set_source_color (cr, &style->series[1]);
      for (guint i = 0; i < layout->n_points; i++)
        cairo_line_to (cr, layout->points[i].x, layout->points[i].y);
      cairo_stroke (cr);
      if (layout->n_points > 1)
        {
          cairo_arc (cr, last->x, last->y, actual_w * 1.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      cairo_restore (cr);

      cairo_set_line_width (cr, style->line_width);
      sp_chart_set_source_color (cr, &style->foreground);
      cairo_move_to (cr, layout->plot.x, zero_y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, zero_y);
      cairo_stroke (cr);
    }

  if (layout->show_legend)
    {
      paint_swatch (cr, &layout->legend_target, &style->target, target_w, FALSE, fs);
      paint_swatch (cr, &layout->legend_actual, &style->series[1], actual_w, FALSE, fs);
      if (layout->has_projection)
        paint_swatch (cr, &layout->legend_projection, &style->series[1], actual_w, TRUE, fs);
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_burnup_chart_draw (cairo_t            *cr,
                      const SpBurnupData *data,
                      const SpChartStyle *style,
                      double              width,
                      double              height)
{
  PangoContext *context;
  g_auto(SpBurnupLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_burnup_chart_layout (data, style, context, width, height, &layout);
  sp_burnup_chart_paint (cr, &layout, style);
  g_object_unref (context);
}
