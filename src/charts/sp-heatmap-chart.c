/* sp-heatmap-chart.c — a two-way table in colour: regions down, months across
 *
 * Layout order: the title, the colour scale's ticks (nice values around the data), the row
 * names' column (ellipsized, at most 28% of the width), the column names' row, the legend's
 * strip at the bottom, then the grid in what is left, its cell edges on whole pixels so that
 * neighbouring cells share them. Values go into the cells only when every one of them fits:
 * a table with some cells labelled and others not reads as missing data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-heatmap-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-heatmap-chart.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* ColorBrewer YlGnBu (its near-white end left out, so the lowest cell still shows on a
 * white page) and viridis: both sequential with monotonic lightness, safe for the common
 * colour-vision deficiencies. */
static const SpChartColor ramp_on_light[] = {
  RGB (0xedf8b1), RGB (0xc7e9b4), RGB (0x7fcdbb), RGB (0x41b6c4), RGB (0x1d91c0),
  RGB (0x225ea8), RGB (0x0c2c84),
};

static const SpChartColor ramp_on_dark[] = {
  RGB (0x440154), RGB (0x472d7b), RGB (0x3b528b), RGB (0x2c728e), RGB (0x21918c),
  RGB (0x28ae80), RGB (0x5ec962), RGB (0xaddc30), RGB (0xfde725),
};

static const SpChartColor *
ramp_for (const SpChartStyle *style,
          guint              *n_stops)
{
  static const SpChartColor white = { 1, 1, 1 };
  SpChartColor on;

  sp_chart_color_on (&style->background, &on);
  if (on.red == white.red && on.green == white.green && on.blue == white.blue)
    {
      *n_stops = G_N_ELEMENTS (ramp_on_dark);
      return ramp_on_dark;
    }

  *n_stops = G_N_ELEMENTS (ramp_on_light);
  return ramp_on_light;
}

void
sp_heatmap_color (const SpChartStyle *style,
                  double              t,
                  SpChartColor       *out)
{
  const SpChartColor *ramp;
  guint n, i;
  double position;

  g_return_if_fail (style != NULL && out != NULL);

  ramp = ramp_for (style, &n);
  position = (isfinite (t) ? CLAMP (t, 0.0, 1.0) : 0.0) * (n - 1);
  i = MIN ((guint) floor (position), n - 2);
  sp_chart_color_mix (&ramp[i], &ramp[i + 1], position - i, out);
}

static void
empty_color (const SpChartStyle *style,
             SpChartColor       *out)
{
  sp_chart_color_mix (&style->background, &style->muted, 0.45, out);
}

static char *
format_value (const SpHeatmapData *data,
              double               value)
{
  if (data->format_value != NULL)
    return data->format_value (value, data->format_data);

  return sp_chart_format_number (value, NULL);
}

static gboolean
add_label (SpHeatmapLayout    *out,
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

static double
max_text_width (PangoContext       *context,
                const SpChartStyle *style,
                SpChartFont         font,
                const char * const *texts,
                guint               n)
{
  double max_w = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = sp_chart_text_layout_new (context, style, font, texts[i], 0);
      double w;

      sp_chart_text_get_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }

  return max_w;
}

/* Values in the cells: only when the widest of them fits the narrowest cell. The texts are
 * measured longest first, so a table that cannot take them is known after a few. */
static void
layout_values (const SpHeatmapData *data,
               const SpChartStyle  *style,
               PangoContext        *context,
               const SpChartRect   *bounds,
               SpHeatmapLayout     *out)
{
  guint n = out->n_rows * out->n_columns;
  g_autofree char **texts = g_new0 (char *, n);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n);
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double min_w = G_MAXDOUBLE, min_h = G_MAXDOUBLE;
  gsize longest = 0;

  for (guint i = 0; i < n; i++)
    {
      min_w = MIN (min_w, out->cells[i].rect.width);
      min_h = MIN (min_h, out->cells[i].rect.height);
      if (!out->cells[i].empty)
        {
          texts[i] = format_value (data, data->values[i]);
          longest = MAX (longest, strlen (texts[i]));
        }
    }

  out->show_values = TRUE;
  for (gsize len = longest; len > 0 && out->show_values; len--)
    for (guint i = 0; i < n && out->show_values; i++)
      {
        double w, h;

        if (texts[i] == NULL || strlen (texts[i]) != len)
          continue;
        layouts[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL, texts[i], 0);
        sp_chart_text_get_size (layouts[i], &w, &h);
        out->show_values = w <= min_w - 6.0 * fs && h <= min_h - 2.0;
      }

  for (guint i = 0; i < n; i++)
    {
      if (out->show_values && layouts[i] != NULL)
        {
          const SpChartRect *r = &out->cells[i].rect;
          SpChartColor on_cell;
          double w, h;

          sp_chart_text_get_size (layouts[i], &w, &h);
          sp_chart_color_on (&out->cells[i].color, &on_cell);
          add_label (out, g_steal_pointer (&layouts[i]), r->x + (r->width - w) / 2,
                     r->y + (r->height - h) / 2, &on_cell, (int) i, bounds);
        }
      g_clear_object (&layouts[i]);
      g_free (texts[i]);
    }
}

/* The colour ramp with its ticks under it, right-aligned under the grid, and the swatch for
 * cells without a value to its left. */
static void
layout_legend (const SpHeatmapData *data,
               const SpChartStyle  *style,
               PangoContext        *context,
               double               y,
               gboolean             any_empty,
               const SpChartRect   *bounds,
               const SpChartColor  *secondary,
               SpHeatmapLayout     *out)
{
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double ramp_h = round (12.0 * fs);
  double width = MIN (out->grid.width, 440.0 * fs);
  double right = out->grid.x + out->grid.width;
  double span = out->ticks.upper - out->ticks.lower;

  if (width < 60.0 * fs)
    return;
  out->legend = (SpChartRect) { round (right - width), round (y), round (width), ramp_h };

  for (guint i = 0; i < out->ticks.n_ticks; i++)
    {
      g_autofree char *value = format_value (data, out->ticks.values[i]);
      PangoLayout *text = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL, value, 0);
      double x, w;

      sp_chart_text_get_size (text, &w, NULL);
      x = out->legend.x + (span > 0 ? (out->ticks.values[i] - out->ticks.lower) / span : 0)
          * out->legend.width;
      x = CLAMP (x - w / 2, out->legend.x, out->legend.x + out->legend.width - w);
      add_label (out, text, x, out->legend.y + ramp_h + 4.0 * fs, secondary, -1, bounds);
    }

  if (any_empty)
    {
      PangoLayout *text = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                    _("No value"), 0);
      double w, h, x;

      sp_chart_text_get_size (text, &w, &h);
      x = out->legend.x - 24.0 * fs - w;
      if (x - ramp_h - 6.0 * fs < out->grid.x)
        {
          g_object_unref (text);
          return;
        }
      out->legend_empty = (SpChartRect) { round (x - ramp_h - 6.0 * fs), out->legend.y, ramp_h,
                                          ramp_h };
      add_label (out, text, x, out->legend.y + (ramp_h - h) / 2, secondary, -1, bounds);
    }
}

static void
layout_names (const SpHeatmapData *data,
              const SpChartStyle  *style,
              PangoContext        *context,
              double               row_w,
              double               column_w,
              const SpChartRect   *content,
              const SpChartRect   *bounds,
              SpHeatmapLayout     *out)
{
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double body_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_BODY);
  double cell_w = out->grid.width / out->n_columns, cell_h = out->grid.height / out->n_rows;

  out->column_step = column_w <= cell_w - 4.0 * fs
                     ? 1 : (guint) ceil ((column_w + 8.0 * fs) / MAX (cell_w, 0.01));
  out->row_step = body_h <= cell_h + 0.01 ? 1 : (guint) ceil (body_h / MAX (cell_h, 0.01));

  for (guint c = 0; c < out->n_columns; c += out->column_step)
    {
      const SpChartRect *cell = &out->cells[c].rect;
      PangoLayout *text = sp_chart_text_layout_new (context, style, SP_CHART_FONT_BODY,
                                                    data->column_labels[c],
                                                    cell_w * out->column_step - 4.0 * fs);
      double w;

      sp_chart_text_get_size (text, &w, NULL);
      add_label (out, text, cell->x + (cell->width - w) / 2, out->grid.y - body_h - 6.0 * fs,
                 &style->foreground, -1, bounds);
    }

  for (guint r = 0; r < out->n_rows; r += out->row_step)
    {
      const SpChartRect *cell = &out->cells[r * out->n_columns].rect;
      PangoLayout *text;
      double w, h;

      if (row_w <= 0)
        break;
      text = sp_chart_text_layout_new (context, style, SP_CHART_FONT_BODY, data->row_labels[r],
                                       row_w);
      sp_chart_text_get_size (text, &w, &h);
      add_label (out, text, content->x + row_w - w, cell->y + (cell->height - h) / 2,
                 &style->foreground, -1, bounds);
    }
}

static void
compute_layout (const SpHeatmapData *data,
                const SpChartStyle  *style,
                PangoContext        *context,
                double               width,
                double               height,
                SpHeatmapLayout     *out)
{
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  SpChartRect content;
  SpChartColor secondary;
  double fs, pad, gap, used, body_h, small_h, legend_h, row_w, column_w, row_h, span;
  double vmin = G_MAXDOUBLE, vmax = -G_MAXDOUBLE;
  gboolean any_empty = FALSE;
  guint n_rows = data->n_rows, n_columns = data->n_columns, n_values = 0;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();
  out->row_step = out->column_step = 1;

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (20.0 * fs, MIN (bounds.width, bounds.height) * 0.04);
  gap = 10.0 * fs;
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &secondary);

  used = MIN (sp_chart_text_add_header (out->labels, context, style, data->title, NULL, 0, 0,
                                        &content, &bounds, NULL), content.height);
  content.y += used;
  content.height -= used;

  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      if (isfinite (data->values[i]))
        {
          vmin = MIN (vmin, data->values[i]);
          vmax = MAX (vmax, data->values[i]);
          n_values++;
        }
      else
        any_empty = TRUE;
    }
  if (n_values == 0)
    {
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &content);
      return;
    }
  sp_chart_ticks_compute (&out->ticks, vmin, vmax, 6, SP_CHART_TICKS_DEFAULT);
  span = out->ticks.upper - out->ticks.lower;

  body_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_BODY);
  small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  legend_h = round (12.0 * fs) + 4.0 * fs + small_h;
  row_w = MIN (max_text_width (context, style, SP_CHART_FONT_BODY, data->row_labels, n_rows),
               0.28 * content.width);
  column_w = max_text_width (context, style, SP_CHART_FONT_BODY, data->column_labels, n_columns);

  /* The grid; rows no taller than a comfortable band, so a few regions do not make slabs. */
  out->grid.x = content.x + (row_w > 0 ? row_w + gap : 0);
  out->grid.y = content.y + body_h + 6.0 * fs;
  out->grid.width = MAX (content.x + content.width - out->grid.x, 0);
  out->grid.height = MAX (content.y + content.height - legend_h - 2 * gap - out->grid.y, 0);
  row_h = MIN (out->grid.height / n_rows, MAX (3.0 * body_h, 56.0 * fs));
  out->grid.height = row_h * n_rows;

  out->n_rows = n_rows;
  out->n_columns = n_columns;
  out->cells = g_new0 (SpHeatmapCell, n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        SpHeatmapCell *cell = &out->cells[r * n_columns + c];
        double value = data->values[r * n_columns + c];
        double x0 = round (out->grid.x + out->grid.width * c / n_columns);
        double x1 = round (out->grid.x + out->grid.width * (c + 1) / n_columns);
        double y0 = round (out->grid.y + out->grid.height * r / n_rows);
        double y1 = round (out->grid.y + out->grid.height * (r + 1) / n_rows);

        cell->rect = (SpChartRect) { x0, y0, x1 - x0, y1 - y0 };
        cell->empty = !isfinite (value);
        if (cell->empty)
          empty_color (style, &cell->color);
        else
          sp_heatmap_color (style, span > 0 ? (value - out->ticks.lower) / span : 0.5,
                            &cell->color);
      }

  layout_names (data, style, context, row_w, column_w, &content, &bounds, out);
  if (out->grid.width > 0 && out->grid.height > 0)
    layout_values (data, style, context, &bounds, out);
  layout_legend (data, style, context, out->grid.y + out->grid.height + gap, any_empty, &bounds,
                 &secondary, out);
}

void
sp_heatmap_chart_layout (const SpHeatmapData *data,
                         const SpChartStyle  *style,
                         PangoContext        *context,
                         double               width,
                         double               height,
                         SpHeatmapLayout     *out)
{
  PangoContext *own_context = NULL;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);
  g_return_if_fail (data->n_rows == 0 || data->n_columns == 0
                    || (data->values != NULL && data->row_labels != NULL
                        && data->column_labels != NULL));

  if (context == NULL)
    context = own_context = sp_chart_text_context_new ();
  if (data->n_rows == 0 || data->n_columns == 0)
    {
      SpHeatmapData none = *data;

      none.n_rows = none.n_columns = 0;
      compute_layout (&none, style, context, width, height, out);
    }
  else
    compute_layout (data, style, context, width, height, out);
  g_clear_object (&own_context);
}

void
sp_heatmap_layout_clear (SpHeatmapLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->cells, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_rows = layout->n_columns = 0;
}

int
sp_heatmap_layout_hit_test (const SpHeatmapLayout *layout,
                            double                 x,
                            double                 y)
{
  g_return_val_if_fail (layout != NULL, -1);

  if (layout->cells == NULL)
    return -1;

  for (guint c = 0; c < layout->n_columns; c++)
    {
      const SpChartRect *column = &layout->cells[c].rect;

      if (x < column->x || x >= column->x + column->width)
        continue;
      for (guint r = 0; r < layout->n_rows; r++)
        {
          guint i = r * layout->n_columns + c;

          if (sp_chart_rect_contains_point (&layout->cells[i].rect, x, y))
            return (int) i;
        }
      break;
    }

  return -1;
}

/* Cells without a value are hatched, which no colour on the scale can be mistaken for. */
static void
paint_empty (cairo_t            *cr,
             const SpChartRect  *rect,
             const SpChartStyle *style)
{
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double step = round (7.0 * fs);
  SpChartColor color;

  empty_color (style, &color);
  sp_chart_set_source_color (cr, &color);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill_preserve (cr);

  cairo_save (cr);
  cairo_clip (cr);
  cairo_set_line_width (cr, MAX (1.0, round (fs)));
  sp_chart_color_mix (&style->background, &style->foreground, 0.45, &color);
  sp_chart_set_source_color (cr, &color);
  for (double d = step; d < rect->width + rect->height; d += step)
    {
      cairo_move_to (cr, rect->x + d, rect->y);
      cairo_line_to (cr, rect->x + d - rect->height, rect->y + rect->height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sp_heatmap_chart_paint (cairo_t               *cr,
                        const SpHeatmapLayout *layout,
                        const SpChartStyle    *style)
{
  double fs;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->n_rows * layout->n_columns; i++)
    {
      const SpHeatmapCell *cell = &layout->cells[i];

      if (cell->empty)
        {
          paint_empty (cr, &cell->rect, style);
          continue;
        }
      sp_chart_set_source_color (cr, &cell->color);
      cairo_rectangle (cr, cell->rect.x, cell->rect.y, cell->rect.width, cell->rect.height);
      cairo_fill (cr);
    }

  /* Hairlines of the background between the cells, so that equal neighbours stay two. */
  if (layout->cells != NULL)
    {
      double lw = MAX (1.0, round (fs));
      const SpChartRect *grid = &layout->grid;

      cairo_set_line_width (cr, lw);
      sp_chart_set_source_color (cr, &style->background);
      for (guint c = 1; c < layout->n_columns; c++)
        {
          cairo_move_to (cr, layout->cells[c].rect.x, grid->y);
          cairo_line_to (cr, layout->cells[c].rect.x, grid->y + grid->height);
        }
      for (guint r = 1; r < layout->n_rows; r++)
        {
          cairo_move_to (cr, grid->x, layout->cells[r * layout->n_columns].rect.y);
          cairo_line_to (cr, grid->x + grid->width, layout->cells[r * layout->n_columns].rect.y);
        }
      cairo_stroke (cr);
    }

  if (layout->legend.width > 0)
    {
      const SpChartRect *legend = &layout->legend;
      cairo_pattern_t *ramp = cairo_pattern_create_linear (legend->x, 0,
                                                           legend->x + legend->width, 0);
      const SpChartColor *stops;
      guint n;

      stops = ramp_for (style, &n);
      for (guint i = 0; i < n; i++)
        cairo_pattern_add_color_stop_rgb (ramp, (double) i / (n - 1), stops[i].red,
                                          stops[i].green, stops[i].blue);
      cairo_set_source (cr, ramp);
      cairo_rectangle (cr, legend->x, legend->y, legend->width, legend->height);
      cairo_fill (cr);
      cairo_pattern_destroy (ramp);

      if (layout->legend_empty.width > 0)
        paint_empty (cr, &layout->legend_empty, style);
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_heatmap_chart_draw (cairo_t             *cr,
                       const SpHeatmapData *data,
                       const SpChartStyle  *style,
                       double               width,
                       double               height)
{
  PangoContext *context;
  g_auto(SpHeatmapLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_heatmap_chart_layout (data, style, context, width, height, &layout);
  sp_heatmap_chart_paint (cr, &layout, style);
  g_object_unref (context);
}
