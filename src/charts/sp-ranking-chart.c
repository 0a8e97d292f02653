/* sp-ranking-chart.c — the ranking board (战报): reps sorted by value as horizontal bars
 *
 * Layout order: the header (title, the target mark's legend), the number of rows that fit,
 * then the columns: rank, name (ellipsized, never under 30% of the width… nor over it),
 * the bars with room for the widest value at their end, and the attainment. Values are
 * never cut short; names are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-ranking-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-attainment-chart.h"
#include "sp-ranking-chart.h"

/* Half the target mark's width with its halo, at font scale 1. */
#define MARK_CLEARANCE 4.0

static char *
format_amount (const SpRankingData *data,
               gint64               value)
{
  if (data->format_amount != NULL)
    return data->format_amount ((double) value, data->format_data);

  return sp_chart_format_number ((double) value, NULL);
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

  if (layout != NULL)
    sp_chart_text_get_size (layout, &width, NULL);

  return width;
}

static gboolean
add_label (SpRankingLayout    *out,
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

/* Best first; equal values keep the order they came in. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SpRankingItem *items = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (items[ia].value != items[ib].value)
    return items[ia].value > items[ib].value ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

typedef struct
{
  PangoLayout *rank;
  PangoLayout *name;
  PangoLayout *value;
  PangoLayout *attainment;
} RowText;

static void
row_text_clear (RowText *text)
{
  g_clear_object (&text->rank);
  g_clear_object (&text->name);
  g_clear_object (&text->value);
  g_clear_object (&text->attainment);
}

/* Title on the left, the target mark's legend on the right. Returns the height used. */
static double
layout_header (const SpRankingData *data,
               const SpChartStyle  *style,
               PangoContext        *context,
               gboolean             any_target,
               const SpChartRect   *content,
               const SpChartRect   *bounds,
               SpRankingLayout     *out)
{
  const char *names[1] = { _("Target") };
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double used;

  used = sp_chart_text_add_header (out->labels, context, style, data->title, names,
                                   any_target ? 1 : 0, round (10.0 * fs), content, bounds,
                                   &out->legend_target);
  out->show_legend = any_target && out->legend_target.width > 0;

  return used;
}

typedef struct
{
  SpChartRect  bounds;
  double       rank_x, rank_w;
  double       name_x, name_w;
  double       attain_x, attain_w;
  SpChartColor secondary;
} Columns;

static void
place_row_labels (SpRankingLayout    *out,
                  const SpChartStyle *style,
                  const Columns      *columns,
                  const SpRankingRow *row,
                  RowText            *text)
{
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double mid = row->hit.y + row->hit.height / 2;
  int item = (int) row->item;
  double w, h, x;

  if (text->rank != NULL)
    {
      sp_chart_text_get_size (text->rank, &w, &h);
      if (row->highlighted)
        {
          SpChartColor on_badge;

          sp_chart_color_on (&style->series[1], &on_badge);
          add_label (out, g_steal_pointer (&text->rank), row->badge.x + (row->badge.width - w) / 2,
                     mid - h / 2, &on_badge, item, &columns->bounds);
        }
      else
        add_label (out, g_steal_pointer (&text->rank), columns->rank_x + columns->rank_w - w,
                   mid - h / 2, &columns->secondary, item, &columns->bounds);
    }

  if (text->name != NULL && columns->name_w > 0)
    {
      sp_chart_text_set_max_width (text->name, columns->name_w);
      sp_chart_text_get_size (text->name, NULL, &h);
      add_label (out, g_steal_pointer (&text->name), columns->name_x, mid - h / 2,
                 &style->foreground, item, &columns->bounds);
    }

  /* The value beyond the bar's end (beyond the zero line for a value below zero). */
  sp_chart_text_get_size (text->value, &w, &h);
  x = (row->bar.x + row->bar.width > out->zero_x + 0.5 ? row->bar.x + row->bar.width
                                                       : out->zero_x) + 6.0 * fs;
  /* Not under the target mark: past it. */
  if (isfinite (row->target_x) && row->target_x + MARK_CLEARANCE * fs > x
      && row->target_x - MARK_CLEARANCE * fs < x + w)
    x = row->target_x + MARK_CLEARANCE * fs + 4.0 * fs;
  add_label (out, g_steal_pointer (&text->value), x, mid - h / 2, &style->foreground, item,
             &columns->bounds);

  if (text->attainment != NULL && columns->attain_w > 0)
    {
      gboolean none = isnan (row->attainment);

      sp_chart_text_get_size (text->attainment, &w, &h);
      add_label (out, g_steal_pointer (&text->attainment),
                 columns->attain_x + columns->attain_w - w, mid - h / 2,
                 none ? &columns->secondary : &style->foreground, item, &columns->bounds);
    }
}

static void
compute_layout (const SpRankingData *data,
                const SpChartStyle  *style,
                PangoContext        *context,
                double               width,
                double               height,
                SpRankingLayout     *out)
{
  g_autofree guint *order = NULL;
  g_autofree RowText *texts = NULL;
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  SpChartRect content;
  Columns columns;
  double fs, pad, gap, body_h, value_h, small_h, row_min, row_h, top, avail, head_h = 0;
  double value_w = 0, name_w = 0, attain_w = 0, rank_w = 0, bar_x, bar_w;
  double dmin = 0, dmax = 0;
  gboolean any_target = FALSE;
  guint n, shown;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (20.0 * fs, MIN (bounds.width, bounds.height) * 0.04);
  gap = 12.0 * fs;
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &columns.secondary);

  n = data->n_items;
  for (guint i = 0; i < n; i++)
    any_target |= data->items[i].target > 0;

  head_h = MIN (layout_header (data, style, context, any_target, &content, &bounds, out),
                content.height);
  content.y += head_h;
  content.height -= head_h;
  out->content = content;

  if (n == 0)
    {
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &content);
      return;
    }

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_items, (gpointer) data->items);

  /* How many rows fit: a row is a line of the bold value font with a little air. */
  body_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_BODY);
  value_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_VALUE);
  small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  row_min = MAX (body_h, value_h) + 6.0 * fs;
  avail = content.height - (any_target ? small_h + 4.0 * fs : 0);
  shown = data->max_rows > 0 ? MIN (n, data->max_rows) : n;
  if (shown < n)
    avail -= small_h + 6.0 * fs;
  if (shown * row_min > avail)
    {
      if (shown == n)
        avail -= small_h + 6.0 * fs;
      shown = (guint) MAX (floor (avail / row_min), 0);
    }
  out->n_hidden = n - shown;
  if (shown == 0)
    return;

  /* Texts of the rows shown, and the columns' widths. */
  texts = g_new0 (RowText, shown);
  for (guint r = 0; r < shown; r++)
    {
      const SpRankingItem *item = &data->items[order[r]];

      texts[r].rank = text_new (context, style, SP_CHART_FONT_VALUE, g_strdup_printf ("%u", r + 1));
      texts[r].name = sp_chart_text_layout_new (context, style,
                                                r < SP_RANKING_N_HIGHLIGHTED ? SP_CHART_FONT_VALUE
                                                                             : SP_CHART_FONT_BODY,
                                                item->label, 0);
      texts[r].value = text_new (context, style, SP_CHART_FONT_VALUE,
                                 format_amount (data, item->value));
      /* Met targets in bold; "—" where there is no target (when others have one). */
      if (any_target)
        texts[r].attainment = text_new (context, style,
                                        item->target > 0 && item->value >= item->target
                                        ? SP_CHART_FONT_VALUE : SP_CHART_FONT_BODY,
                                        sp_attainment_format (item->value, item->target));
      rank_w = MAX (rank_w, text_width (texts[r].rank));
      name_w = MAX (name_w, text_width (texts[r].name));
      value_w = MAX (value_w, text_width (texts[r].value));
      attain_w = MAX (attain_w, text_width (texts[r].attainment));
      dmin = MIN (dmin, (double) MIN (item->value, item->target));
      dmax = MAX (dmax, (double) MAX (item->value, item->target));
    }
  if (dmax <= dmin)
    dmax = dmin + 1;

  /* Columns: rank (a badge wide), name (at most 30%), bars with the widest value's room,
   * attainment. Narrow charts first lose the attainment, then give the names less. */
  rank_w = MAX (rank_w + 4.0 * fs, round (value_h * 1.15));
  name_w = MIN (name_w, 0.3 * content.width);
  bar_w = content.width - rank_w - name_w - 2 * gap
          - value_w - (2 * MARK_CLEARANCE + 10.0) * fs
          - (attain_w > 0 ? attain_w + gap : 0);
  if (bar_w < 0.25 * content.width && attain_w > 0)
    {
      bar_w += attain_w + gap;
      attain_w = 0;
    }
  if (bar_w < 0.25 * content.width)
    {
      double give = MIN (name_w, 0.25 * content.width - bar_w);

      name_w -= give;
      bar_w += give;
    }
  bar_w = MAX (bar_w, 0);
  bar_x = content.x + rank_w + gap + name_w + gap;

  columns.bounds = bounds;
  columns.rank_x = content.x;
  columns.rank_w = rank_w;
  columns.name_x = content.x + rank_w + gap;
  /* Hide the names only when not even one character fits (二字 names are short). */
  columns.name_w = name_w >= body_h ? name_w : 0;
  columns.attain_w = attain_w;
  columns.attain_x = content.x + content.width - attain_w;

  /* The attainment column's heading. */
  top = content.y;
  if (any_target)
    {
      if (attain_w > 0)
        {
          PangoLayout *heading = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                           _("Attainment"), 0);
          double w = text_width (heading);

          add_label (out, heading, content.x + content.width - w, top, &columns.secondary, -1,
                     &bounds);
        }
      top += small_h + 4.0 * fs;
    }

  sp_chart_scale_init (&out->scale, dmin, dmax, bar_x, bar_x + bar_w);
  out->zero_x = round (sp_chart_scale_map (&out->scale, 0));
  row_h = MIN (avail / shown, 2.4 * row_min);
  out->n_rows = shown;
  out->rows = g_new0 (SpRankingRow, shown);
  for (guint r = 0; r < shown; r++)
    {
      const SpRankingItem *item = &data->items[order[r]];
      SpRankingRow *row = &out->rows[r];
      double y = top + r * row_h;
      double bar_h = round (MIN (row_h * 0.62, value_h * 1.6));
      double end = round (sp_chart_scale_map (&out->scale, (double) item->value));
      double badge = round (value_h * 1.15);

      row->item = order[r];
      row->rank = r + 1;
      row->highlighted = r < SP_RANKING_N_HIGHLIGHTED;
      row->hit = (SpChartRect) { content.x, y, content.width, row_h };
      row->bar = (SpChartRect) { MIN (out->zero_x, end), round (y + (row_h - bar_h) / 2),
                                 fabs (end - out->zero_x), bar_h };
      row->badge = (SpChartRect) { content.x + rank_w - badge, y + (row_h - badge) / 2,
                                   badge, badge };
      row->target_x = item->target > 0 ? round (sp_chart_scale_map (&out->scale,
                                                                   (double) item->target))
                                       : NAN;
      row->attainment = item->target > 0 ? (double) item->value / (double) item->target : NAN;
      place_row_labels (out, style, &columns, row, &texts[r]);
      row_text_clear (&texts[r]);
    }

  if (out->n_hidden > 0)
    {
      /* Translators: under the ranking board, the rows that did not fit; %u is a count. */
      char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", out->n_hidden),
                                    out->n_hidden);

      add_label (out, text_new (context, style, SP_CHART_FONT_SMALL, text), columns.name_x,
                 top + shown * row_h + 6.0 * fs, &columns.secondary, -1, &bounds);
    }
}

void
sp_ranking_chart_layout (const SpRankingData *data,
                         const SpChartStyle  *style,
                         PangoContext        *context,
                         double               width,
                         double               height,
                         SpRankingLayout     *out)
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
sp_ranking_layout_clear (SpRankingLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->rows, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_rows = 0;
}

int
sp_ranking_layout_hit_test (const SpRankingLayout *layout,
                            double                 x,
                            double                 y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_rows; i++)
    if (sp_chart_rect_contains_point (&layout->rows[i].hit, x, y))
      return (int) layout->rows[i].item;

  return -1;
}

/* A mark that shows on any bar colour: the foreground on a halo of the background. */
static void
paint_target_mark (cairo_t            *cr,
                   double              x,
                   double              y0,
                   double              y1,
                   const SpChartStyle *style)
{
  double lw = MAX (2.0, round (style->line_width));

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, lw + 2.0 * MAX (1.0, round (style->font_scale)));
  sp_chart_set_source_color (cr, &style->background);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
  cairo_set_line_width (cr, lw);
  sp_chart_set_source_color (cr, &style->foreground);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
}

void
sp_ranking_chart_paint (cairo_t               *cr,
                        const SpRankingLayout *layout,
                        const SpChartStyle    *style)
{
  double fs;
  gboolean any_negative = FALSE;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const SpRankingRow *row = &layout->rows[i];
      const SpChartColor *color = row->highlighted ? &style->series[1] : &style->series[0];

      any_negative |= row->bar.x < layout->zero_x;
      sp_chart_set_source_color (cr, color);
      cairo_rectangle (cr, row->bar.x, row->bar.y, row->bar.width, row->bar.height);
      cairo_fill (cr);

      if (row->highlighted)
        {
          cairo_arc (cr, row->badge.x + row->badge.width / 2, row->badge.y + row->badge.height / 2,
                     row->badge.width / 2, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const SpRankingRow *row = &layout->rows[i];
      double extra = MIN (4.0 * fs, row->bar.y - row->hit.y);

      if (isfinite (row->target_x))
        paint_target_mark (cr, row->target_x, row->bar.y - extra,
                           row->bar.y + row->bar.height + extra, style);
    }

  if (any_negative && layout->n_rows > 0)
    {
      const SpRankingRow *last = &layout->rows[layout->n_rows - 1];

      cairo_set_line_width (cr, MAX (1.0, round (fs)));
      sp_chart_set_source_color (cr, &style->foreground);
      cairo_move_to (cr, layout->zero_x + 0.5, layout->rows[0].hit.y);
      cairo_line_to (cr, layout->zero_x + 0.5, last->hit.y + last->hit.height);
      cairo_stroke (cr);
    }

  if (layout->show_legend)
    {
      const SpChartRect *r = &layout->legend_target;

      paint_target_mark (cr, r->x + r->width / 2, r->y + 1, r->y + r->height - 1, style);
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_ranking_chart_draw (cairo_t             *cr,
                       const SpRankingData *data,
                       const SpChartStyle  *style,
                       double               width,
                       double               height)
{
  PangoContext *context;
  g_auto(SpRankingLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_ranking_chart_layout (data, style, context, width, height, &layout);
  sp_ranking_chart_paint (cr, &layout, style);
  g_object_unref (context);
}
