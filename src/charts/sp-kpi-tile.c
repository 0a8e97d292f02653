/* sp-kpi-tile.c — one KPI as a tile: name, figure, change on the previous period, sparkline
 *
 * From the top: the name (ellipsized), the figure in the big type, shrunk to the room there
 * is, the change (▲ 12.3% in the good-news or bad-news colour, then "vs previous period"
 * when it fits), and the sparkline in what is left. On a tile too small for all of it the
 * sparkline goes first, then the words after the change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-kpi-tile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-kpi-tile.h"

static gboolean
add_label (SpKpiTileLayout    *out,
           PangoLayout        *layout,
           double              x,
           double              y,
           const SpChartColor *color,
           const SpChartRect  *bounds)
{
  SpChartLabel label;

  sp_chart_label_init (&label, layout, x, y, color, -1);

  return sp_chart_label_array_add (out->labels, &label, bounds);
}

/* @color, moved towards the foreground until it reads as text on the background. */
static void
readable_color (const SpChartColor *color,
                const SpChartStyle *style,
                SpChartColor       *out)
{
  *out = *color;
  for (guint i = 1; i <= 10 && sp_chart_color_contrast (out, &style->background) < 4.5; i++)
    sp_chart_color_mix (color, &style->foreground, i / 10.0, out);
}

/* Sets @layout's font to the largest size up to @size at which it is at most @max_width
 * wide; returns that size, or 0 when even @min_size is too wide. */
static double
fit_font_size (PangoLayout *layout,
               double       size,
               double       min_size,
               double       max_width)
{
  const PangoFontDescription *own = pango_layout_get_font_description (layout);
  PangoFontDescription *desc = pango_font_description_copy (own);
  double width = 0;

  for (guint i = 0; i < 6 && size >= min_size; i++)
    {
      pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      sp_chart_text_get_size (layout, &width, NULL);
      if (width <= max_width)
        break;
      /* Text width is nearly linear in the size; a half pixel less covers hinting. */
      size = MAX (floor (size * max_width / width * 2) / 2 - 0.5, min_size - 1);
    }
  pango_font_description_free (desc);

  return size >= min_size && width <= max_width ? size : 0;
}

static void
compute_trend (const SpKpiTileData *data,
               SpKpiTileLayout     *out)
{
  out->trend = SP_KPI_TREND_NONE;
  out->change = NAN;
  if (!isfinite (data->value) || !isfinite (data->previous))
    return;

  /* From 0 (to 0 or to anything) the change is undefined: "—", not "0.0%". */
  if (data->previous == 0)
    return;
  out->change = (data->value - data->previous) / fabs (data->previous);

  out->trend = out->change > 0 ? SP_KPI_TREND_UP
               : out->change < 0 ? SP_KPI_TREND_DOWN
               : SP_KPI_TREND_FLAT;
  out->good = out->trend == SP_KPI_TREND_UP ? !data->lower_is_better
              : out->trend == SP_KPI_TREND_DOWN ? data->lower_is_better
              : FALSE;
}

static char *
format_change (const SpKpiTileLayout *out)
{
  g_autofree char *percent = NULL;

  switch (out->trend)
    {
    case SP_KPI_TREND_UP:
      percent = sp_chart_format_percent (out->change);
      return g_strdup_printf ("▲ %s", percent);
    case SP_KPI_TREND_DOWN:
      /* "<0.1%" keeps its sign: a fall too small to show is still a fall. */
      percent = sp_chart_format_percent (-out->change);
      return g_strdup_printf ("▼ -%s", percent);
    case SP_KPI_TREND_FLAT:
      return sp_chart_format_percent (0);
    case SP_KPI_TREND_NONE:
    default:
      return g_strdup ("—");
    }
}

/* The change and, when it fits, what it is compared with. Returns whether it was placed. */
static gboolean
layout_change (const SpKpiTileData *data,
               const SpChartStyle  *style,
               PangoContext        *context,
               double               y,
               const SpChartRect   *content,
               const SpChartRect   *bounds,
               const SpChartColor  *secondary,
               SpKpiTileLayout     *out)
{
  g_autofree char *change = format_change (out);
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  PangoLayout *text, *suffix;
  SpChartColor color;
  double w, h, suffix_w, suffix_h;

  if (out->trend == SP_KPI_TREND_UP || out->trend == SP_KPI_TREND_DOWN)
    readable_color (out->good ? &style->positive : &style->negative, style, &color);
  else
    color = *secondary;

  text = sp_chart_text_layout_new (context, style, SP_CHART_FONT_VALUE, change, 0);
  sp_chart_text_get_size (text, &w, &h);
  if (w > content->width || !add_label (out, text, content->x, y, &color, bounds))
    return FALSE;

  /* Translators: after the change of a KPI, e.g. "▲ 12.3% vs previous period". */
  suffix = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                     _("vs previous period"), 0);
  sp_chart_text_get_size (suffix, &suffix_w, &suffix_h);
  if (w + 6.0 * fs + suffix_w <= content->width)
    add_label (out, suffix, content->x + w + 6.0 * fs, y + (h - suffix_h) / 2, secondary, bounds);
  else
    g_object_unref (suffix);

  return TRUE;
}

static void
layout_sparkline (const SpKpiTileData *data,
                  const SpChartStyle  *style,
                  const SpChartRect   *box,
                  SpKpiTileLayout     *out)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double inset = style->line_width * 1.6;   /* the end dot's radius */
  double x0, x1, y0, y1;
  guint n_finite = 0;

  for (guint i = 0; i < data->n_points; i++)
    if (isfinite (data->points[i]))
      {
        lo = MIN (lo, data->points[i]);
        hi = MAX (hi, data->points[i]);
        n_finite++;
      }
  if (n_finite == 0 || box->width <= 2 * inset || box->height <= 2 * inset)
    return;

  out->sparkline = *box;
  out->n_points = data->n_points;
  out->points = g_new (SpChartPoint, data->n_points);
  x0 = box->x + inset;
  x1 = box->x + box->width - inset;
  y0 = box->y + box->height - inset;   /* the lowest value */
  y1 = box->y + inset;
  for (guint i = 0; i < data->n_points; i++)
    {
      double v = data->points[i];

      out->points[i].x = data->n_points > 1 ? x0 + (x1 - x0) * i / (data->n_points - 1)
                                            : (x0 + x1) / 2;
      if (!isfinite (v))
        out->points[i].y = NAN;
      else if (hi > lo)
        out->points[i].y = y0 + (y1 - y0) * (v - lo) / (hi - lo);
      else
        out->points[i].y = (y0 + y1) / 2;
    }
}

static void
compute_layout (const SpKpiTileData *data,
                const SpChartStyle  *style,
                PangoContext        *context,
                double               width,
                double               height,
                SpKpiTileLayout     *out)
{
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  SpChartColor secondary;
  SpChartRect content, rest;
  PangoLayout *name, *figure;
  g_autofree char *value_text = NULL;
  double fs, pad, gap, y, bottom, name_h = 0, change_h, spark_min, figure_ratio, figure_room;
  double size, figure_h;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();
  compute_trend (data, out);

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (14.0 * fs, MIN (bounds.width, bounds.height) * 0.08);
  gap = 4.0 * fs;
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  out->content = content;
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &secondary);
  y = content.y;
  bottom = content.y + content.height;

  if (data->name != NULL && data->name[0] != '\0')
    {
      name = sp_chart_text_layout_new (context, style, SP_CHART_FONT_BODY, data->name,
                                       content.width);
      sp_chart_text_get_size (name, NULL, &name_h);
      if (add_label (out, name, content.x, y, &style->foreground, &bounds))
        y += name_h + gap / 2;
    }

  if (!isfinite (data->value))
    {
      rest = (SpChartRect) { content.x, y, content.width, MAX (bottom - y, 0) };
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &rest);
      return;
    }

  /* The figure's size: as big as the width and the height allow, keeping a line for the
   * change and, if the figure can stay at least title size, a strip for the sparkline. */
  change_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_VALUE);
  spark_min = 14.0 * fs;
  figure_ratio = sp_chart_text_line_height (context, style, SP_CHART_FONT_FIGURE)
                 / sp_chart_text_font_size (style, SP_CHART_FONT_FIGURE);
  figure_room = bottom - y - change_h - gap;
  if (data->n_points > 0
      && (figure_room - spark_min - 2 * gap) / figure_ratio
         >= sp_chart_text_font_size (style, SP_CHART_FONT_TITLE))
    figure_room -= spark_min + 2 * gap;
  size = MIN (sp_chart_text_font_size (style, SP_CHART_FONT_FIGURE), figure_room / figure_ratio);

  value_text = data->format_value != NULL ? data->format_value (data->value, data->format_data)
                                          : sp_chart_format_number (data->value, NULL);
  figure = sp_chart_text_layout_new (context, style, SP_CHART_FONT_FIGURE, value_text, 0);
  size = fit_font_size (figure, size, sp_chart_text_font_size (style, SP_CHART_FONT_SMALL),
                        content.width);
  if (size > 0)
    {
      sp_chart_text_get_size (figure, NULL, &figure_h);
      if (add_label (out, figure, content.x, y, &style->foreground, &bounds))
        {
          out->value_font_size = size;
          y += figure_h + gap;
        }
    }
  else
    g_object_unref (figure);

  if (y + change_h <= bottom
      && layout_change (data, style, context, y, &content, &bounds, &secondary, out))
    y += change_h + 2 * gap;

  if (bottom - y >= spark_min)
    {
      rest = (SpChartRect) { content.x, y, content.width, bottom - y };
      layout_sparkline (data, style, &rest, out);
    }
}

void
sp_kpi_tile_layout (const SpKpiTileData *data,
                    const SpChartStyle  *style,
                    PangoContext        *context,
                    double               width,
                    double               height,
                    SpKpiTileLayout     *out)
{
  PangoContext *own_context = NULL;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);
  g_return_if_fail (data->n_points == 0 || data->points != NULL);

  if (context == NULL)
    context = own_context = sp_chart_text_context_new ();
  compute_layout (data, style, context, width, height, out);
  g_clear_object (&own_context);
}

void
sp_kpi_tile_layout_clear (SpKpiTileLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->points, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_points = 0;
}

int
sp_kpi_tile_layout_hit_test (const SpKpiTileLayout *layout,
                             double                 x,
                             double                 y)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_points == 0 || !sp_chart_rect_contains_point (&layout->sparkline, x, y))
    return -1;

  for (guint i = 0; i < layout->n_points; i++)
    if (isfinite (layout->points[i].y) && fabs (layout->points[i].x - x) < best)
      {
        best = fabs (layout->points[i].x - x);
        found = (int) i;
      }

  return found;
}

void
sp_kpi_tile_paint (cairo_t               *cr,
                   const SpKpiTileLayout *layout,
                   const SpChartStyle    *style)
{
  double lw;
  int last = -1;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  lw = style->line_width * 1.2;
  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  if (layout->n_points > 0)
    {
      sp_chart_set_source_color (cr, &style->series[0]);
      cairo_set_line_width (cr, lw);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint i = 0; i < layout->n_points; i++)
        {
          const SpChartPoint *p = &layout->points[i];

          if (!isfinite (p->y))
            {
              cairo_new_sub_path (cr);
              continue;
            }
          /* A lone point between gaps still shows, as a dot of the line's width. */
          if (last < 0 || last != (int) i - 1)
            cairo_move_to (cr, p->x, p->y);
          cairo_line_to (cr, p->x, p->y);
          last = (int) i;
        }
      cairo_stroke (cr);

      if (last >= 0)
        {
          cairo_arc (cr, layout->points[last].x, layout->points[last].y, style->line_width * 1.6,
                     0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_kpi_tile_draw (cairo_t             *cr,
                  const SpKpiTileData *data,
                  const SpChartStyle  *style,
                  double               width,
                  double               height)
{
  PangoContext *context;
  g_auto(SpKpiTileLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_kpi_tile_layout (data, style, context, width, height, &layout);
  sp_kpi_tile_paint (cr, &layout, style);
  g_object_unref (context);
}
