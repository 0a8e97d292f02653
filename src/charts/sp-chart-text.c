/* sp-chart-text.c — text on charts: the style's fonts, measuring, placed labels and their boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-text"

#include "config.h"

#include <math.h>

#include "sp-chart-text.h"

#define EPSILON 1e-6

gboolean
sp_chart_rect_contains_point (const SpChartRect *rect,
                              double             x,
                              double             y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}

gboolean
sp_chart_rect_intersects (const SpChartRect *a,
                          const SpChartRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->x + a->width > b->x + EPSILON && b->x + b->width > a->x + EPSILON
         && a->y + a->height > b->y + EPSILON && b->y + b->height > a->y + EPSILON;
}

PangoContext *
sp_chart_text_context_new (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

double
sp_chart_text_font_size (const SpChartStyle *style,
                         SpChartFont         font)
{
  double size;

  g_return_val_if_fail (style != NULL, 14.0);

  switch (font)
    {
    case SP_CHART_FONT_SMALL:
      size = 13.0;
      break;
    case SP_CHART_FONT_TITLE:
      size = 20.0;
      break;
    case SP_CHART_FONT_MESSAGE:
      size = 22.0;
      break;
    case SP_CHART_FONT_FIGURE:
      size = 34.0;
      break;
    case SP_CHART_FONT_BODY:
    case SP_CHART_FONT_VALUE:
    default:
      size = 15.0;
      break;
    }

  return size * (style->font_scale > 0 ? style->font_scale : 1.0);
}

static PangoFontDescription *
font_description_new (const SpChartStyle *style,
                      SpChartFont         font)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family != NULL ? style->font_family
                                                                      : "sans-serif");
  pango_font_description_set_absolute_size (desc,
                                            sp_chart_text_font_size (style, font) * PANGO_SCALE);
  if (font == SP_CHART_FONT_VALUE || font == SP_CHART_FONT_TITLE || font == SP_CHART_FONT_FIGURE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  return desc;
}

PangoLayout *
sp_chart_text_layout_new (PangoContext       *context,
                          const SpChartStyle *style,
                          SpChartFont         font,
                          const char         *text,
                          double              max_width)
{
  PangoFontDescription *desc;
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  desc = font_description_new (style, font);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    sp_chart_text_set_max_width (layout, max_width);
  pango_font_description_free (desc);

  return layout;
}

void
sp_chart_text_get_size (PangoLayout *layout,
                        double      *width,
                        double      *height)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
sp_chart_text_set_max_width (PangoLayout *layout,
                             double       max_width)
{
  double width;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0.0);

  sp_chart_text_get_size (layout, &width, NULL);
  if (width <= max_width)
    return width;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) floor (MAX (max_width, 0.0) * PANGO_SCALE));
  sp_chart_text_get_size (layout, &width, NULL);

  return width;
}

double
sp_chart_text_line_height (PangoContext       *context,
                           const SpChartStyle *style,
                           SpChartFont         font)
{
  g_autoptr(PangoLayout) layout = sp_chart_text_layout_new (context, style, font, "Ag", 0);
  double height;

  sp_chart_text_get_size (layout, NULL, &height);

  return height;
}

void
sp_chart_label_init (SpChartLabel       *label,
                     PangoLayout        *layout,
                     double              x,
                     double              y,
                     const SpChartColor *color,
                     int                 item)
{
  g_return_if_fail (label != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (color != NULL);

  label->layout = layout;
  label->x = x;
  label->y = y;
  label->angle = 0.0;
  label->color = *color;
  label->item = item;
  sp_chart_text_get_size (layout, &label->width, &label->height);
}

void
sp_chart_label_clear (SpChartLabel *label)
{
  g_clear_object (&label->layout);
}

void
sp_chart_label_get_corners (const SpChartLabel *label,
                            double              corners[8])
{
  double c, s;
  const double u[4] = { 0, label->width, label->width, 0 };
  const double v[4] = { 0, 0, label->height, label->height };

  /* Most labels are not turned: the same numbers without the trigonometry, which is most
   * of the time a chart with hundreds of labels spends on overlap tests. */
  if (label->angle == 0.0)
    {
      for (guint i = 0; i < 4; i++)
        {
          corners[2 * i] = label->x + u[i];
          corners[2 * i + 1] = label->y + v[i];
        }
      return;
    }

  c = cos (label->angle);
  s = sin (label->angle);
  for (guint i = 0; i < 4; i++)
    {
      corners[2 * i] = label->x + u[i] * c - v[i] * s;
      corners[2 * i + 1] = label->y + u[i] * s + v[i] * c;
    }
}

void
sp_chart_label_get_bounds (const SpChartLabel *label,
                           SpChartRect        *bounds)
{
  double corners[8];
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (label->angle == 0.0)
    {
      *bounds = (SpChartRect) { label->x, label->y, (label->x + label->width) - label->x,
                                (label->y + label->height) - label->y };
      return;
    }

  sp_chart_label_get_corners (label, corners);
  for (guint i = 0; i < 4; i++)
    {
      x0 = MIN (x0, corners[2 * i]);
      x1 = MAX (x1, corners[2 * i]);
      y0 = MIN (y0, corners[2 * i + 1]);
      y1 = MAX (y1, corners[2 * i + 1]);
    }
  *bounds = (SpChartRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Separating axis test on the two rectangles' edge normals. */
static gboolean
separated_on_axis (const double a[8],
                   const double b[8],
                   double       ax,
                   double       ay)
{
  double a0 = G_MAXDOUBLE, a1 = -G_MAXDOUBLE, b0 = G_MAXDOUBLE, b1 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      double pa = a[2 * i] * ax + a[2 * i + 1] * ay;
      double pb = b[2 * i] * ax + b[2 * i + 1] * ay;

      a0 = MIN (a0, pa);
      a1 = MAX (a1, pa);
      b0 = MIN (b0, pb);
      b1 = MAX (b1, pb);
    }

  return a1 <= b0 + EPSILON || b1 <= a0 + EPSILON;
}

gboolean
sp_chart_labels_overlap (const SpChartLabel *a,
                         const SpChartLabel *b)
{
  double ca[8], cb[8];
  SpChartRect ra, rb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  sp_chart_label_get_bounds (a, &ra);
  sp_chart_label_get_bounds (b, &rb);
  if (!sp_chart_rect_intersects (&ra, &rb))
    return FALSE;

  sp_chart_label_get_corners (a, ca);
  sp_chart_label_get_corners (b, cb);

  return !(separated_on_axis (ca, cb, cos (a->angle), sin (a->angle))
           || separated_on_axis (ca, cb, -sin (a->angle), cos (a->angle))
           || separated_on_axis (ca, cb, cos (b->angle), sin (b->angle))
           || separated_on_axis (ca, cb, -sin (b->angle), cos (b->angle)));
}

void
sp_chart_label_draw (const SpChartLabel *label,
                     cairo_t            *cr)
{
  g_return_if_fail (label != NULL && label->layout != NULL);

  cairo_save (cr);
  cairo_translate (cr, label->x, label->y);
  if (label->angle != 0.0)
    cairo_rotate (cr, label->angle);
  cairo_move_to (cr, 0, 0);
  sp_chart_set_source_color (cr, &label->color);
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

GArray *
sp_chart_label_array_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (SpChartLabel));

  g_array_set_clear_func (labels, (GDestroyNotify) sp_chart_label_clear);

  return labels;
}

gboolean
sp_chart_label_array_add (GArray            *labels,
                          SpChartLabel      *label,
                          const SpChartRect *bounds)
{
  SpChartRect box;

  g_return_val_if_fail (labels != NULL, FALSE);
  g_return_val_if_fail (label != NULL && label->layout != NULL, FALSE);

  sp_chart_label_get_bounds (label, &box);
  if (bounds != NULL
      && (box.x < bounds->x - 0.01 || box.y < bounds->y - 0.01
          || box.x + box.width > bounds->x + bounds->width + 0.01
          || box.y + box.height > bounds->y + bounds->height + 0.01))
    goto reject;

  for (guint i = 0; i < labels->len; i++)
    if (sp_chart_labels_overlap (&g_array_index (labels, SpChartLabel, i), label))
      goto reject;

  g_array_append_val (labels, *label);
  label->layout = NULL;
  return TRUE;

reject:
  sp_chart_label_clear (label);
  return FALSE;
}

void
sp_chart_label_array_draw (GArray  *labels,
                           cairo_t *cr)
{
  g_return_if_fail (labels != NULL);

  for (guint i = 0; i < labels->len; i++)
    sp_chart_label_draw (&g_array_index (labels, SpChartLabel, i), cr);
}

void
sp_chart_text_add_message (GArray             *labels,
                           PangoContext       *context,
                           const SpChartStyle *style,
                           const char         *message,
                           const SpChartRect  *bounds)
{
  SpChartLabel label;
  PangoLayout *layout;

  g_return_if_fail (labels != NULL && bounds != NULL);

  layout = sp_chart_text_layout_new (context, style, SP_CHART_FONT_MESSAGE, message,
                                     bounds->width);
  sp_chart_label_init (&label, layout, 0, 0, &style->muted, -1);
  /* The muted grid colour is too faint for a message that has to be read. */
  label.color = style->foreground;
  label.x = bounds->x + (bounds->width - label.width) / 2;
  label.y = bounds->y + (bounds->height - label.height) / 2;
  sp_chart_label_array_add (labels, &label, bounds);
}

double
sp_chart_text_add_header (GArray             *labels,
                          PangoContext       *context,
                          const SpChartStyle *style,
                          const char         *title,
                          const char * const *legend,
                          guint               n_legend,
                          double              swatch_width,
                          const SpChartRect  *content,
                          const SpChartRect  *bounds,
                          SpChartRect        *swatches)
{
  g_autofree PangoLayout **texts = NULL;
  double fs = style->font_scale > 0 ? style->font_scale : 1.0;
  double small_h = sp_chart_text_line_height (context, style, SP_CHART_FONT_SMALL);
  double item_gap = 18.0 * fs, swatch_gap = 6.0 * fs;
  double title_w = 0, title_h = 0, legend_w = 0, legend_x, legend_y = content->y, used = 0;
  gboolean show_legend;
  SpChartLabel label;

  g_return_val_if_fail (labels != NULL && content != NULL, 0.0);
  g_return_val_if_fail (n_legend == 0 || (legend != NULL && swatches != NULL), 0.0);

  texts = g_new0 (PangoLayout *, n_legend + 1);
  for (guint i = 0; i < n_legend; i++)
    {
      double w;

      texts[i] = sp_chart_text_layout_new (context, style, SP_CHART_FONT_SMALL, legend[i], 0);
      sp_chart_text_get_size (texts[i], &w, NULL);
      legend_w += (i > 0 ? item_gap : 0) + swatch_width + swatch_gap + w;
      swatches[i] = (SpChartRect) { 0, 0, 0, 0 };
    }
  show_legend = n_legend > 0 && legend_w <= content->width;

  if (title != NULL && title[0] != '\0')
    {
      PangoLayout *layout = sp_chart_text_layout_new (context, style, SP_CHART_FONT_TITLE,
                                                      title, 0);
      double max_w = content->width;

      sp_chart_text_get_size (layout, &title_w, &title_h);
      if (show_legend && MIN (title_w, 0.4 * content->width) + 24.0 * fs + legend_w
                         <= content->width)
        {
          max_w = content->width - legend_w - 24.0 * fs;
          legend_y = content->y + (title_h - small_h) / 2;
        }
      else if (show_legend)
        legend_y = content->y + title_h + 6.0 * fs;

      sp_chart_text_set_max_width (layout, max_w);
      sp_chart_label_init (&label, layout, content->x, content->y, &style->foreground, -1);
      sp_chart_label_array_add (labels, &label, bounds);
      used = title_h;
    }

  legend_x = content->x + content->width - legend_w;
  for (guint i = 0; i < n_legend; i++)
    {
      double w;

      if (!show_legend)
        {
          g_object_unref (texts[i]);
          continue;
        }
      sp_chart_text_get_size (texts[i], &w, NULL);
      swatches[i] = (SpChartRect) { round (legend_x), legend_y, swatch_width, small_h };
      sp_chart_label_init (&label, texts[i], legend_x + swatch_width + swatch_gap, legend_y,
                           &style->foreground, -1);
      sp_chart_label_array_add (labels, &label, bounds);
      legend_x += swatch_width + swatch_gap + w + item_gap;
      used = MAX (used, legend_y - content->y + small_h);
    }

  return used > 0 ? used + 14.0 * fs : 0;
}

void
sp_chart_color_on (const SpChartColor *background,
                   SpChartColor       *out)
{
  static const SpChartColor black = { 0, 0, 0 };
  static const SpChartColor white = { 1, 1, 1 };

  g_return_if_fail (background != NULL && out != NULL);

  if (sp_chart_color_contrast (background, &white) >= sp_chart_color_contrast (background, &black))
    *out = white;
  else
    *out = black;
}

void
sp_chart_color_mix (const SpChartColor *a,
                    const SpChartColor *b,
                    double              t,
                    SpChartColor       *out)
{
  g_return_if_fail (a != NULL && b != NULL && out != NULL);

  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
}

void
sp_chart_set_source_color (cairo_t            *cr,
                           const SpChartColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}
