/* sp-attainment-chart.c — target against actual, one pair of bars per period, region or rep
 *
 * Layout order: header (title, legend), then the value axis (its ticks are chosen for the
 * smallest plot the category labels could leave), then the slots, the orientation of the
 * attainment and category labels (horizontal when they fit, turned when they do not, every
 * other one when even that is too tight), and last the plot's real height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-attainment-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-attainment-chart.h"

#define SIN45 0.70710678118654752

char *
sp_attainment_format (gint64 actual,
                      gint64 target)
{
  gint64 percent;

  if (target <= 0)
    return g_strdup ("—");

  if (actual <= G_MAXINT64 / 100 && actual >= G_MININT64 / 100)
    percent = actual * 100 / target;
  else
    percent = (gint64) trunc ((double) actual / (double) target * 100.0);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%%", percent);
}

static char *
format_amount (const SpAttainmentData *data,
               double                  value)
{
  if (data->format_amount != NULL)
    return data->format_amount (value, data->format_data);

  return sp_chart_format_number (value, NULL);
}

/* A bar from @value_y to @zero_y on whole pixels, so that its edges are crisp on screen. */
static SpChartRect
snap_rect (double x,
           double value_y,
           double width,
           double zero_y)
{
  double x0 = round (x), x1 = round (x + width);
  double y0 = round (MIN (value_y, zero_y)), y1 = round (MAX (value_y, zero_y));

  return (SpChartRect) { x0, y0, x1 - x0, y1 - y0 };
}

static gboolean
add_label (SpAttainmentLayout *out,
           PangoLayout        *layout,
           double              x,
           double              y,
           double              angle,
           const SpChartColor *color,
           int                 item,
           const SpChartRect  *bounds)
{
  SpChartLabel label;

  sp_chart_label_init (&label, layout, x, y, color, item);
  label.angle = angle;

  return sp_chart_label_array_add (out->labels, &label, bounds);
}

/* Title on the left, legend on the right (or on a row of its own when both do not fit).
 * Returns the height used. */
static double
layout_header (const SpAttainmentData *data,
               const SpChartStyle     *style,
               PangoContext           *context,
               const SpChartRect      *content,
               const SpChartRect      *bounds,
               SpAttainmentLayout     *out)
{
  const char *names[3] = { _("Target"), _("Actual"), _("Target met") };
  SpChartRect *swatches[3] = { &out->legend_target, &out->legend_actual, &out->legend_met };
  PangoLayout *texts[3];
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  double swatch = round (small_h * 0.7);
  double item_gap = 18.0 * fs, swatch_gap = 6.0 * fs;
  double title_w = 0, title_h = 0, legend_w = 0, legend_x, legend_y, used = 0;
  PangoLayout *title = NULL;

  if (data->title != NULL && data->title[0] != '\0')
    {
      title = sp_chart_text_layout_new (context, style, SP_CHART_FONT_TITLE, data->title, 0);
      sp_chart_text_get_size (title, &title_w, &title_h);
    }

  for (guint i = 0; i < 3; i++)
    {
      double w;

      texts[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL, names[i], 0);
      sp_chart_text_get_size (texts[i], &w, NULL);
      legend_w += (i > 0 ? item_gap : 0) + swatch + swatch_gap + w;
    }

  out->show_legend = data->n_items > 0 && legend_w <= content->width;
  if (title != NULL)
    {
      double max_w = content->width;

      double title_min = MIN (title_w, 0.4 * content->width);

      if (out->show_legend && title_min + 24.0 * fs + legend_w <= content->width)
        {
          max_w = content->width - legend_w - 24.0 * fs;
          legend_y = content->y + (title_h - small_h) / 2;
        }
      else
        legend_y = content->y + title_h + 6.0 * fs;

      sp_chart_text_set_max_width (title, max_w);
      add_label (out, title, content->x, content->y, 0, &style->foreground, -1, bounds);
      used = MAX (title_h, legend_y - content->y + small_h);
    }
  else
    {
      legend_y = content->y;
      used = out->show_legend ? small_h : 0;
    }

  legend_x = content->x + content->width - legend_w;
  for (guint i = 0; i < 3; i++)
    {
      double w;

      if (!out->show_legend)
        {
          g_object_unref (texts[i]);
          continue;
        }
      sp_chart_text_get_size (texts[i], &w, NULL);
      *swatches[i] = (SpChartRect) { round (legend_x), round (legend_y + (small_h - swatch) / 2),
                                     swatch, swatch };
      add_label (out, texts[i], legend_x + swatch + swatch_gap, legend_y, 0, &style->foreground,
                 -1, bounds);
      legend_x += swatch + swatch_gap + w + item_gap;
    }

  return used > 0 ? used + 14.0 * fs : 0;
}

static void
compute_layout (const SpAttainmentData *data,
                const SpChartStyle     *style,
                PangoContext           *context,
                double                  width,
                double                  height,
                SpAttainmentLayout     *out)
{
  g_autofree PangoLayout **names = NULL;
  g_autofree PangoLayout **percents = NULL;
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  SpChartColor secondary_color;
  PangoLayout *tick_layouts[SP_CHART_MAX_TICKS];
  SpChartRect content;
  double fs, pad, header_h, body_h, body_size, small_h, value_h;
  double vmin = 0, vmax = 0, name_max = 0, percent_max = 0, axis_w = 0;
  double cat_h_max, cat_h, cat_top_gap, headroom, plot_h_min, axis_gap;
  double group_w, inner_gap, bar_w, zero_y, name_room = 0;
  gboolean percent_rotated;
  guint percent_step = 1, max_ticks, n;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();
  out->label_step = 1;

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (20.0 * fs, MIN (bounds.width, bounds.height) * 0.04);
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &secondary_color);

  header_h = MIN (layout_header (data, style, context, &content, &bounds, out), content.height);
  content.y += header_h;
  content.height -= header_h;

  n = data->n_items;
  if (n == 0)
    {
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &content);
      return;
    }

  body_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_BODY);
  body_size = sp_chart_text_font_size (style, SP_CHART_FONT_BODY);
  small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  value_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_VALUE);

  names = g_new0 (PangoLayout *, n);
  percents = g_new0 (PangoLayout *, n);
  for (guint i = 0; i < n; i++)
    {
      const SpAttainmentItem *item = &data->items[i];
      g_autofree char *percent = sp_attainment_format (item->actual, item->target);
      double w;

      vmin = MIN (vmin, (double) MIN (item->target, item->actual));
      vmax = MAX (vmax, (double) MAX (item->target, item->actual));

      names[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_BODY, item->label, 0);
      sp_chart_text_get_size (names[i], &w, NULL);
      name_max = MAX (name_max, w);

      percents[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_VALUE, percent, 0);
      sp_chart_text_get_size (percents[i], &w, NULL);
      percent_max = MAX (percent_max, w);
    }

  /* Ticks for the smallest plot the labels could leave, so they never crowd. */
  cat_h_max = 0.3 * content.height;
  cat_top_gap = small_h / 2 + 6.0 * fs;
  plot_h_min = content.height - cat_h_max - cat_top_gap - MAX (percent_max, value_h) - 6.0 * fs;
  max_ticks = (guint) CLAMP (floor (MAX (plot_h_min, 0) / (small_h * 2.2)) + 1, 2, 11);
  sp_chart_ticks_compute (&out->ticks, vmin, vmax, max_ticks, SP_CHART_TICKS_INTEGER);
  for (guint i = 0; i < out->ticks.n_ticks; i++)
    {
      g_autofree char *text = format_amount (data, out->ticks.values[i]);
      double w;

      tick_layouts[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL, text, 0);
      sp_chart_text_get_size (tick_layouts[i], &w, NULL);
      axis_w = MAX (axis_w, w);
    }
  axis_gap = 8.0 * fs;
  axis_w = MIN (axis_w, 0.3 * content.width);

  out->plot.x = content.x + axis_w + axis_gap;
  out->plot.width = MAX (content.x + content.width - out->plot.x, 0);
  out->slot_width = out->plot.width / n;

  /* Attainment labels: across when they fit the slot, else turned upright. */
  percent_rotated = percent_max > out->slot_width - 4.0 * fs;
  if (percent_rotated && value_h > out->slot_width - 2.0)
    percent_step = (guint) ceil ((value_h + 2.0) / MAX (out->slot_width, 0.01));
  headroom = (percent_rotated ? percent_max : value_h) + 6.0 * fs;
  headroom = MAX (headroom, small_h / 2 + 2.0);

  /* Category labels: across (ellipsized if the slot is roomy), else turned 45°. */
  if (name_max <= out->slot_width - 6.0 * fs)
    {
      out->label_mode = SP_ATTAINMENT_LABELS_HORIZONTAL;
      cat_h = body_h;
    }
  else if (out->slot_width >= 7.0 * body_size)
    {
      out->label_mode = SP_ATTAINMENT_LABELS_HORIZONTAL;
      cat_h = body_h;
      name_room = out->slot_width - 6.0 * fs;
    }
  else
    {
      out->label_mode = SP_ATTAINMENT_LABELS_ROTATED;
      out->label_step = (guint) ceil ((body_h + 2.0 * fs) / MAX (out->slot_width * SIN45, 0.01));
      cat_h = MIN ((name_max + body_h) * SIN45, cat_h_max);
      name_room = MAX (cat_h / SIN45 - body_h, 0);
    }
  if (out->label_mode == SP_ATTAINMENT_LABELS_HORIZONTAL && body_h > cat_h_max)
    cat_h = 0;

  out->plot.y = content.y + headroom;
  out->plot.height = MAX (content.height - headroom - cat_top_gap - cat_h, 0);
  sp_chart_scale_init (&out->scale, out->ticks.lower, out->ticks.upper,
                       out->plot.y + out->plot.height, out->plot.y);

  for (guint i = 0; i < out->ticks.n_ticks; i++)
    {
      double w;
      double y = sp_chart_scale_map (&out->scale, out->ticks.values[i]);

      w = sp_chart_text_set_max_width (tick_layouts[i], axis_w);
      add_label (out, tick_layouts[i], out->plot.x - axis_gap - w, y - small_h / 2, 0,
                 &secondary_color, -1, &bounds);
    }

  /* Bars: a group of two per slot, not wider than a hand's breadth on a big screen. */
  group_w = MIN (out->slot_width * 0.7, 120.0 * fs);
  inner_gap = MIN (4.0 * fs, group_w * 0.1);
  bar_w = (group_w - inner_gap) / 2;
  zero_y = sp_chart_scale_map (&out->scale, 0);
  out->n_bars = n;
  out->bars = g_new0 (SpAttainmentBar, n);
  for (guint i = 0; i < n; i++)
    {
      const SpAttainmentItem *item = &data->items[i];
      SpAttainmentBar *bar = &out->bars[i];
      double target_y = sp_chart_scale_map (&out->scale, (double) item->target);
      double actual_y = sp_chart_scale_map (&out->scale, (double) item->actual);

      bar->center_x = out->plot.x + (i + 0.5) * out->slot_width;
      bar->target = snap_rect (bar->center_x - group_w / 2, target_y, bar_w, zero_y);
      bar->actual = snap_rect (bar->center_x + inner_gap / 2, actual_y, bar_w, zero_y);
      bar->met = item->target > 0 && item->actual >= item->target;
      bar->attainment = item->target > 0 ? (double) item->actual / (double) item->target : NAN;
      bar->hit = (SpChartRect) { out->plot.x + i * out->slot_width, content.y,
                                 out->slot_width, content.height };
    }

  for (guint i = 0; i < n; i++)
    {
      const SpAttainmentBar *bar = &out->bars[i];
      double top = MIN (zero_y, MIN (bar->target.y, bar->actual.y)) - 4.0 * fs;
      double w, h;

      if (i % percent_step != 0)
        {
          g_clear_object (&percents[i]);
          continue;
        }
      sp_chart_text_get_size (percents[i], &w, &h);
      if (percent_rotated)
        add_label (out, g_steal_pointer (&percents[i]), bar->center_x - h / 2, top, -G_PI / 2,
                   &style->foreground, (int) i, &bounds);
      else
        add_label (out, g_steal_pointer (&percents[i]), bar->center_x - w / 2, top - h, 0,
                   &style->foreground, (int) i, &bounds);
    }

  for (guint i = 0; i < n; i++)
    {
      const SpAttainmentBar *bar = &out->bars[i];
      double cat_top = out->plot.y + out->plot.height + cat_top_gap;
      double w, h, room_left;

      if (i % out->label_step != 0 || cat_h <= 0)
        {
          g_clear_object (&names[i]);
          continue;
        }

      if (out->label_mode == SP_ATTAINMENT_LABELS_HORIZONTAL)
        {
          if (name_room > 0)
            sp_chart_text_set_max_width (names[i], name_room);
          sp_chart_text_get_size (names[i], &w, &h);
          add_label (out, g_steal_pointer (&names[i]), bar->center_x - w / 2, cat_top, 0,
                     &style->foreground, (int) i, &bounds);
        }
      else
        {
          /* The text's end sits under its bar; its start must stay inside the chart. */
          sp_chart_text_get_size (names[i], NULL, &h);
          room_left = (bar->center_x - h * SIN45 / 2 - content.x) / SIN45;
          w = sp_chart_text_set_max_width (names[i], MIN (name_room, room_left));
          add_label (out, g_steal_pointer (&names[i]),
                     bar->center_x - w * SIN45 - h * SIN45 / 2, cat_top + w * SIN45, -G_PI / 4,
                     &style->foreground, (int) i, &bounds);
        }
    }
}

void
sp_attainment_chart_layout (const SpAttainmentData *data,
                            const SpChartStyle     *style,
                            PangoContext           *context,
                            double                  width,
                            double                  height,
                            SpAttainmentLayout     *out)
{
  PangoContext *own_context = NULL;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);
  g_return_if_fail (data->n_items == 0 || data->items != NULL);

  if (context == NULL)
    context = own_context = sp_chart_text_context_new ();
  compute_layout (data, style, context, width, height, out);
  g_clear_object (&own_context);
}

void
sp_attainment_layout_clear (SpAttainmentLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->bars, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_bars = 0;
}

int
sp_attainment_layout_hit_test (const SpAttainmentLayout *layout,
                               double                    x,
                               double                    y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_bars; i++)
    if (sp_chart_rect_contains_point (&layout->bars[i].hit, x, y))
      return (int) i;

  return -1;
}

/* Outlined with the stroke inside the rectangle, so that the bar keeps its true size. */
static void
paint_target (cairo_t            *cr,
              const SpChartRect  *rect,
              const SpChartStyle *style)
{
  SpChartColor tint;
  double lw = MIN (style->line_width, MIN (rect->width, rect->height) / 2);

  if (rect->width <= 0 || rect->height <= 0)
    return;

  sp_chart_color_mix (&style->target, &style->background, 0.85, &tint);
  sp_chart_set_source_color (cr, &tint);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);

  sp_chart_set_source_color (cr, &style->target);
  cairo_set_line_width (cr, lw);
  cairo_rectangle (cr, rect->x + lw / 2, rect->y + lw / 2, rect->width - lw, rect->height - lw);
  cairo_stroke (cr);
}

static void
fill_rect (cairo_t            *cr,
           const SpChartRect  *rect,
           const SpChartColor *color)
{
  sp_chart_set_source_color (cr, color);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

void
sp_attainment_chart_paint (cairo_t                  *cr,
                           const SpAttainmentLayout *layout,
                           const SpChartStyle       *style)
{
  double fs;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  if (layout->n_bars > 0)
    {
      /* Grid lines on whole pixels so that they stay crisp. */
      cairo_set_line_width (cr, MAX (1.0, round (fs)));
      sp_chart_set_source_color (cr, &style->muted);
      for (guint i = 0; i < layout->ticks.n_ticks; i++)
        {
          double y = round (sp_chart_scale_map (&layout->scale, layout->ticks.values[i])) + 0.5;

          if (layout->ticks.values[i] == 0.0)
            continue;
          cairo_move_to (cr, layout->plot.x, y);
          cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->n_bars; i++)
    {
      const SpAttainmentBar *bar = &layout->bars[i];

      paint_target (cr, &bar->target, style);
      fill_rect (cr, &bar->actual, bar->met ? &style->positive : &style->series[0]);
    }

  if (layout->n_bars > 0)
    {
      double zero = round (sp_chart_scale_map (&layout->scale, 0));

      cairo_set_line_width (cr, style->line_width);
      sp_chart_set_source_color (cr, &style->foreground);
      cairo_move_to (cr, layout->plot.x, zero);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, zero);
      cairo_stroke (cr);
    }

  if (layout->show_legend)
    {
      paint_target (cr, &layout->legend_target, style);
      fill_rect (cr, &layout->legend_actual, &style->series[0]);
      fill_rect (cr, &layout->legend_met, &style->positive);
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_attainment_chart_draw (cairo_t                *cr,
                          const SpAttainmentData *data,
                          const SpChartStyle     *style,
                          double                  width,
                          double                  height)
{
  PangoContext *context;
  g_auto(SpAttainmentLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_attainment_chart_layout (data, style, context, width, height, &layout);
  sp_attainment_chart_paint (cr, &layout, style);
  g_object_unref (context);
}
