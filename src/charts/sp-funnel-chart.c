/* sp-funnel-chart.c — the sales funnel: one tapered band per stage
 *
 * Three columns: stage names on the left (right-aligned against the funnel), the bands in
 * the middle with the stage's figure inside (or beside a band too narrow for it), the
 * conversion from the previous stage and the days in stage on the right. A band's top width
 * is its value over the largest stage's; its bottom is the next stage's top, so the bands
 * read as one funnel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-funnel-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-funnel-chart.h"

typedef struct
{
  PangoLayout *name;
  PangoLayout *value;
  PangoLayout *secondary;    /* the amount under the name in count mode */
  PangoLayout *conversion;
  PangoLayout *days;
} StageText;

static void
stage_text_clear (StageText *text)
{
  g_clear_object (&text->name);
  g_clear_object (&text->value);
  g_clear_object (&text->secondary);
  g_clear_object (&text->conversion);
  g_clear_object (&text->days);
}

static double
stage_value (const SpFunnelData *data,
             guint               i)
{
  const SpFunnelStage *stage = &data->stages[i];

  return (double) (data->mode == SP_FUNNEL_MODE_AMOUNT ? stage->amount : stage->count);
}

static char *
format_amount (const SpFunnelData *data,
               gint64              amount)
{
  if (data->format_amount != NULL)
    return data->format_amount ((double) amount, data->format_data);

  return sp_chart_format_number ((double) amount, NULL);
}

static gboolean
has_amounts (const SpFunnelData *data)
{
  for (guint i = 0; i < data->n_stages; i++)
    if (data->stages[i].amount != 0)
      return TRUE;

  return FALSE;
}

static PangoLayout *
layout_take_text (PangoContext       *context,
                  const SpChartStyle *style,
                  SpChartFont         font,
                  char               *text)
{
  PangoLayout *layout = sp_chart_text_layout_new (context, style, font, text, 0);

  g_free (text);
  return layout;
}

static void
measure_stage (const SpFunnelData *data,
               guint               i,
               gboolean            show_amounts,
               PangoContext       *context,
               const SpChartStyle *style,
               StageText          *text)
{
  const SpFunnelStage *stage = &data->stages[i];
  char *value;

  text->name = sp_chart_text_layout_new (context, style, SP_CHART_FONT_BODY, stage->label, 0);

  if (data->mode == SP_FUNNEL_MODE_AMOUNT)
    value = format_amount (data, stage->amount);
  else
    value = sp_chart_format_number ((double) stage->count, NULL);
  text->value = layout_take_text (context, style, SP_CHART_FONT_VALUE, value);

  if (data->mode == SP_FUNNEL_MODE_COUNT && show_amounts)
    text->secondary = layout_take_text (context, style, SP_CHART_FONT_SMALL,
                                        format_amount (data, stage->amount));

  if (i > 0 && isfinite (stage->conversion))
    {
      g_autofree char *percent = sp_chart_format_percent (stage->conversion);

      /* The conversion rate from the stage above into this one. */
      text->conversion = layout_take_text (context, style, SP_CHART_FONT_BODY,
                                           g_strdup_printf ("↓ %s", percent));
    }

  if (isfinite (stage->mean_days))
    /* Translators: mean days an opportunity spends in a funnel stage, e.g. "12.5 days";
     * always shown with one decimal. */
    text->days = layout_take_text (context, style, SP_CHART_FONT_SMALL,
                                   g_strdup_printf (_("%.1f days"), stage->mean_days));
}

static double
layout_width (PangoLayout *layout)
{
  double width = 0;

  if (layout != NULL)
    sp_chart_text_get_size (layout, &width, NULL);

  return width;
}

typedef enum
{
  PLACE_LEFT = 0,
  PLACE_RIGHT_ALIGNED = 1 << 0,   /* (@x + @max_width) is the right edge */
  PLACE_ELLIPSIZE = 1 << 1,       /* names may lose their end; numbers never */
} PlaceFlags;

/* Places @layout (taken) at (@x, @y) within @max_width; a label that does not fit is dropped. */
static gboolean
add_label (SpFunnelLayout     *out,
           PangoLayout       **layout,
           double              x,
           double              y,
           double              max_width,
           PlaceFlags          flags,
           const SpChartColor *color,
           int                 item,
           const SpChartRect  *bounds)
{
  SpChartLabel label;
  double width;

  if (*layout == NULL)
    return FALSE;

  if (flags & PLACE_ELLIPSIZE)
    width = sp_chart_text_set_max_width (*layout, max_width);
  else
    sp_chart_text_get_size (*layout, &width, NULL);
  sp_chart_label_init (&label, g_steal_pointer (layout), x, y, color, item);
  if (width > max_width + 0.5)
    {
      sp_chart_label_clear (&label);
      return FALSE;
    }
  if (flags & PLACE_RIGHT_ALIGNED)
    label.x = x + max_width - label.width;

  return sp_chart_label_array_add (out->labels, &label, bounds);
}

/* Width of band @band at height @y. */
static double
band_width_at (const SpFunnelBand *band,
               double              y)
{
  double t = band->height > 0 ? CLAMP ((y - band->y) / band->height, 0.0, 1.0) : 0.0;

  return band->top_width + (band->bottom_width - band->top_width) * t;
}

typedef struct
{
  SpChartRect  bounds;
  double       left_x, left_w;       /* names, right-aligned */
  double       center_x, center_w;   /* the funnel */
  double       right_x, right_w;     /* conversion and days */
  double       name_h, small_h, secondary_h;
  SpChartColor secondary_color;
} Columns;

static void
place_stage_labels (SpFunnelLayout     *out,
                    const SpChartStyle *style,
                    const Columns      *columns,
                    guint               i,
                    StageText          *text)
{
  const SpFunnelBand *band = &out->bands[i];
  const SpChartRect *bounds = &columns->bounds;
  const SpChartColor *fg = &style->foreground;
  const SpChartColor *muted = &columns->secondary_color;
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double mid = band->y + band->height / 2;
  double name_h = columns->name_h, small_h = columns->small_h;
  gboolean both_lines = band->height >= name_h + columns->secondary_h;
  double value_w, value_h, inner, y;

  /* A stage whose name does not fit (rows thinner than a line) shows nothing else. */
  y = mid - (both_lines ? name_h + columns->secondary_h : name_h) / 2;
  if (!add_label (out, &text->name, columns->left_x, y, columns->left_w,
                  PLACE_RIGHT_ALIGNED | PLACE_ELLIPSIZE, fg, (int) i, bounds))
    return;
  if (both_lines && columns->secondary_h > 0)
    add_label (out, &text->secondary, columns->left_x, y + name_h, columns->left_w,
               PLACE_RIGHT_ALIGNED, muted, (int) i, bounds);

  /* The figure inside the band when it fits there with some margin, else just beside it. */
  sp_chart_text_get_size (text->value, &value_w, &value_h);
  y = mid - value_h / 2;
  inner = MIN (band_width_at (band, y), band_width_at (band, y + value_h)) - 12.0 * fs;
  if (value_w <= inner && value_h <= band->height)
    {
      SpChartColor on_band;

      sp_chart_color_on (&style->series[i % SP_CHART_N_SERIES], &on_band);
      add_label (out, &text->value, columns->center_x - value_w / 2, y, value_w, PLACE_LEFT,
                 &on_band, (int) i, bounds);
    }
  else
    {
      double outer = MAX (band_width_at (band, y), band_width_at (band, y + value_h));
      double x = columns->center_x + outer / 2 + 8.0 * fs;

      add_label (out, &text->value, x, y, columns->center_x + columns->center_w / 2 - x,
                 PLACE_LEFT, fg, (int) i, bounds);
    }

  if (text->conversion != NULL && text->days != NULL && band->height >= name_h + small_h)
    {
      y = mid - (name_h + small_h) / 2;
      add_label (out, &text->conversion, columns->right_x, y, columns->right_w, PLACE_LEFT,
                 fg, (int) i, bounds);
      add_label (out, &text->days, columns->right_x, y + name_h, columns->right_w, PLACE_LEFT,
                 muted, (int) i, bounds);
    }
  else if (text->conversion != NULL)
    {
      add_label (out, &text->conversion, columns->right_x, mid - name_h / 2, columns->right_w,
                 PLACE_LEFT, fg, (int) i, bounds);
    }
  else if (text->days != NULL)
    {
      add_label (out, &text->days, columns->right_x, mid - small_h / 2, columns->right_w,
                 PLACE_LEFT, muted, (int) i, bounds);
    }
}

static void
compute_layout (const SpFunnelData *data,
                const SpChartStyle *style,
                PangoContext       *context,
                double              width,
                double              height,
                SpFunnelLayout     *out)
{
  g_autofree StageText *texts = NULL;
  SpChartRect bounds = { 0, 0, MAX (width, 0), MAX (height, 0) };
  SpChartColor secondary_color;
  SpChartRect content;
  double fs, pad, col_gap, row_gap, row_h, top;
  double left_w = 0, right_w = 0, center_w, center_x, center_min, value_w_max = 0;
  double name_h, secondary_h, small_h;
  double vmax = 0;
  gboolean show_amounts;
  Columns columns;
  guint n;

  memset (out, 0, sizeof *out);
  out->width = bounds.width;
  out->height = bounds.height;
  out->labels = sp_chart_label_array_new ();

  fs = style->font_scale > 0 ? style->font_scale : 1.0;
  pad = MIN (20.0 * fs, MIN (bounds.width, bounds.height) * 0.04);
  content = (SpChartRect) { pad, pad, MAX (bounds.width - 2 * pad, 0),
                            MAX (bounds.height - 2 * pad, 0) };
  sp_chart_color_mix (&style->foreground, &style->background, 0.3, &secondary_color);

  if (data->title != NULL && data->title[0] != '\0')
    {
      PangoLayout *title = sp_chart_text_layout_new (context, style, SP_CHART_FONT_TITLE,
                                                     data->title, 0);
      double title_h;

      sp_chart_text_get_size (title, NULL, &title_h);
      add_label (out, &title, content.x, content.y, content.width, PLACE_ELLIPSIZE,
                 &style->foreground, -1, &bounds);
      title_h += 16.0 * fs;
      content.y += MIN (title_h, content.height);
      content.height = MAX (content.height - title_h, 0);
    }
  out->content = content;

  n = data->n_stages;
  if (n == 0)
    {
      sp_chart_text_add_message (out->labels, context, style, _("No data"), &content);
      return;
    }

  /* Overall conversion, first stage to last, in the chart's mode, and the note: a line under
   * the funnel, the note ellipsized in what the conversion leaves. */
  if ((n >= 2 && stage_value (data, 0) > 0) || (data->note != NULL && data->note[0] != '\0'))
    {
      double overall_w = 0, line_h = 0;

      if (n >= 2 && stage_value (data, 0) > 0)
        {
          double overall_ratio = stage_value (data, n - 1) / stage_value (data, 0);
          g_autofree char *percent = sp_chart_format_percent (overall_ratio);
          /* Translators: the share of the first funnel stage that reaches the last one. */
          g_autofree char *text = g_strdup_printf (_("Overall conversion %s"), percent);
          PangoLayout *overall = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                           text, 0);
          double overall_h;

          sp_chart_text_get_size (overall, &overall_w, &overall_h);
          add_label (out, &overall, content.x, content.y + content.height - overall_h,
                     content.width, PLACE_RIGHT_ALIGNED, &secondary_color, -1, &bounds);
          line_h = overall_h;
        }
      if (data->note != NULL && data->note[0] != '\0'
          && content.width - overall_w - 16.0 * fs > 0)
        {
          PangoLayout *note = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL,
                                                        data->note, 0);
          double note_h;

          sp_chart_text_get_size (note, NULL, &note_h);
          add_label (out, &note, content.x, content.y + content.height - note_h,
                     content.width - overall_w - (overall_w > 0 ? 16.0 * fs : 0),
                     PLACE_ELLIPSIZE, &secondary_color, -1, &bounds);
          line_h = MAX (line_h, note_h);
        }
      content.height = MAX (content.height - line_h - 8.0 * fs, 0);
    }

  show_amounts = has_amounts (data);
  texts = g_new0 (StageText, n);
  for (guint i = 0; i < n; i++)
    {
      measure_stage (data, i, show_amounts, context, style, &texts[i]);
      left_w = MAX (left_w, layout_width (texts[i].name));
      left_w = MAX (left_w, layout_width (texts[i].secondary));
      right_w = MAX (right_w, layout_width (texts[i].conversion));
      right_w = MAX (right_w, layout_width (texts[i].days));
      value_w_max = MAX (value_w_max, layout_width (texts[i].value));
      vmax = MAX (vmax, stage_value (data, i));
    }

  name_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_BODY);
  small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  secondary_h = show_amounts && data->mode == SP_FUNNEL_MODE_COUNT ? small_h : 0;

  /* Columns: the figures on the right keep their width (a number is never cut short); the
   * funnel keeps at least 40% of the width, and room beside its narrowest band for a figure
   * too wide to go inside; the names get the rest and are ellipsized. */
  col_gap = 16.0 * fs;
  if (right_w > 0.3 * content.width)
    right_w = 0;
  center_min = MAX (0.4 * content.width, 3 * value_w_max + 28.0 * fs);
  center_min = MIN (center_min, content.width - right_w - 2 * col_gap);
  left_w = MIN (left_w, 0.3 * content.width);
  center_w = content.width - left_w - right_w - 2 * col_gap;
  if (center_w < center_min)
    {
      left_w = MAX (content.width - center_min - right_w - 2 * col_gap, 0);
      center_w = content.width - left_w - right_w - 2 * col_gap;
    }
  if (center_w < 0.4 * content.width)
    {
      right_w = 0;
      left_w = MAX (0.6 * content.width - 2 * col_gap, 0);
      center_w = content.width - left_w - 2 * col_gap;
    }
  center_w = MAX (center_w, 0);
  center_x = content.x + left_w + col_gap + center_w / 2;

  /* Rows: equal heights, not taller than a band needs to look like one. */
  row_gap = MAX (2.0, 3.0 * fs);
  row_h = MAX ((content.height - row_gap * (n - 1)) / n, 0);
  row_h = MIN (row_h, 160.0 * fs);
  top = content.y + (content.height - (row_h * n + row_gap * (n - 1))) / 2;
  top = MAX (top, content.y);

  out->funnel_width = center_w;
  out->min_band_width = MIN (center_w, MAX (10.0 * fs, 0.03 * center_w));
  out->n_bands = n;
  out->bands = g_new0 (SpFunnelBand, n);
  for (guint i = 0; i < n; i++)
    {
      SpFunnelBand *band = &out->bands[i];
      double value = stage_value (data, i);

      band->center_x = center_x;
      band->y = top + i * (row_h + row_gap);
      band->height = row_h;
      band->top_width = vmax > 0 && value > 0
                        ? MAX (out->min_band_width, center_w * value / vmax)
                        : out->min_band_width;
      band->hit = (SpChartRect) { content.x, band->y - row_gap / 2,
                                  content.width, row_h + row_gap };
    }
  for (guint i = 0; i < n; i++)
    out->bands[i].bottom_width = i + 1 < n ? out->bands[i + 1].top_width : out->bands[i].top_width;

  columns.bounds = bounds;
  columns.left_x = content.x;
  columns.left_w = left_w;
  columns.center_x = center_x;
  columns.center_w = center_w;
  columns.right_x = content.x + content.width - right_w;
  columns.right_w = right_w;
  columns.name_h = name_h;
  columns.small_h = small_h;
  columns.secondary_h = secondary_h;
  columns.secondary_color = secondary_color;
  for (guint i = 0; i < n; i++)
    place_stage_labels (out, style, &columns, i, &texts[i]);

  for (guint i = 0; i < n; i++)
    stage_text_clear (&texts[i]);
}

void
sp_funnel_chart_layout (const SpFunnelData *data,
                        const SpChartStyle *style,
                        PangoContext       *context,
                        double              width,
                        double              height,
                        SpFunnelLayout     *out)
{
  PangoContext *own_context = NULL;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);
  g_return_if_fail (data->n_stages == 0 || data->stages != NULL);

  if (context == NULL)
    context = own_context = sp_chart_text_context_new ();
  compute_layout (data, style, context, width, height, out);
  g_clear_object (&own_context);
}

void
sp_funnel_layout_clear (SpFunnelLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->bands, g_free);
  g_clear_pointer (&layout->labels, g_array_unref);
  layout->n_bands = 0;
}

int
sp_funnel_layout_hit_test (const SpFunnelLayout *layout,
                           double                x,
                           double                y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_bands; i++)
    if (sp_chart_rect_contains_point (&layout->bands[i].hit, x, y))
      return (int) i;

  return -1;
}

void
sp_funnel_chart_paint (cairo_t              *cr,
                       const SpFunnelLayout *layout,
                       const SpChartStyle   *style)
{
  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  cairo_save (cr);
  sp_chart_set_source_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->n_bands; i++)
    {
      const SpFunnelBand *band = &layout->bands[i];

      if (band->height <= 0)
        continue;
      cairo_move_to (cr, band->center_x - band->top_width / 2, band->y);
      cairo_line_to (cr, band->center_x + band->top_width / 2, band->y);
      cairo_line_to (cr, band->center_x + band->bottom_width / 2, band->y + band->height);
      cairo_line_to (cr, band->center_x - band->bottom_width / 2, band->y + band->height);
      cairo_close_path (cr);
      sp_chart_set_source_color (cr, &style->series[i % SP_CHART_N_SERIES]);
      cairo_fill (cr);
    }

  sp_chart_label_array_draw (layout->labels, cr);
  cairo_restore (cr);
}

void
sp_funnel_chart_draw (cairo_t            *cr,
                      const SpFunnelData *data,
                      const SpChartStyle *style,
                      double              width,
                      double              height)
{
  PangoContext *context;
  g_auto(SpFunnelLayout) layout = { 0 };

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  context = sp_chart_text_context_new ();
  sp_funnel_chart_layout (data, style, context, width, height, &layout);
  sp_funnel_chart_paint (cr, &layout, style);
  g_object_unref (context);
}
