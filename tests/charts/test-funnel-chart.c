/* test-funnel-chart.c — funnel geometry, hit test, pixels and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "sp-chart-test-utils.h"
#include "sp-funnel-chart.h"

static const SpFunnelStage english_stages[] = {
  { "Leads", 1200, 960000000, NAN, 3.5 },
  { "Qualified opportunities", 640, 768000000, 640.0 / 1200, 6.0 },
  { "Proposal", 310, 527000000, 310.0 / 640, 9.25 },
  { "Negotiation", 140, 336000000, 140.0 / 310, 12.0 },
  { "Won", 62, 198400000, 62.0 / 140, 4.5 },
};

static const SpFunnelStage chinese_stages[] = {
  { "线索", 1200, 960000000, NAN, 3.5 },
  { "有效商机", 640, 768000000, 640.0 / 1200, 6.0 },
  { "方案报价", 310, 527000000, 310.0 / 640, 9.25 },
  { "华东区上海浦东新区重点客户事业部商务谈判", 140, 336000000, 140.0 / 310, 12.0 },
  { "赢单", 62, 198400000, 62.0 / 140, 4.5 },
};

/* ¥1,000,000,000 at the top, a stage of one opportunity at the bottom. */
static const SpFunnelStage big_stages[] = {
  { "Leads", 50000, G_GINT64_CONSTANT (100000000000), NAN, NAN },
  { "Qualified", 12000, G_GINT64_CONSTANT (40000000000), 0.24, 20.0 },
  { "Won", 1, 100000, 1.0 / 12000, 45.0 },
};

/* A later stage larger than an earlier one (reopened deals) and a stage of zero. */
static const SpFunnelStage odd_stages[] = {
  { "Leads", 100, 0, NAN, 1.0 },
  { "Contacted", 130, 0, 1.3, 2.0 },
  { "Lost", 0, 0, 0.0, NAN },
};

static SpFunnelData
make_data (const SpFunnelStage *stages,
           guint                n_stages,
           SpFunnelMode         mode,
           const char          *title)
{
  SpFunnelData data = { 0 };

  data.title = title;
  data.mode = mode;
  data.n_stages = n_stages;
  data.stages = stages;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) sp_currency_lookup ("CNY");

  return data;
}

static double
value_of (const SpFunnelData *data,
          guint               i)
{
  const SpFunnelStage *stage = &data->stages[i];

  return (double) (data->mode == SP_FUNNEL_MODE_AMOUNT ? stage->amount : stage->count);
}

/* The geometry promises that hold for every data set, style and size. */
static void
check_layout (const SpFunnelData *data,
              const SpChartStyle *style,
              double              width,
              double              height)
{
  g_auto(SpFunnelLayout) layout = { 0 };
  double vmax = 0;

  sp_funnel_chart_layout (data, style, NULL, width, height, &layout);
  g_assert_cmpuint (layout.n_bands, ==, data->n_stages);
  sp_chart_test_assert_labels (layout.labels, width, height);

  for (guint i = 0; i < data->n_stages; i++)
    vmax = MAX (vmax, value_of (data, i));

  for (guint i = 0; i < layout.n_bands; i++)
    {
      const SpFunnelBand *band = &layout.bands[i];
      double value = value_of (data, i);
      double expected = vmax > 0 && value > 0
                        ? MAX (layout.min_band_width, layout.funnel_width * value / vmax)
                        : layout.min_band_width;

      g_assert_cmpfloat_with_epsilon (band->top_width, expected, 1.0);
      g_assert_cmpfloat (band->top_width, >=, layout.min_band_width);
      g_assert_cmpfloat (band->top_width, <=, layout.funnel_width + 0.01);
      g_assert_cmpfloat (band->height, >, 0);
      g_assert_cmpfloat (band->y, >=, layout.content.y - 0.01);
      g_assert_cmpfloat (band->y + band->height, <=,
                         layout.content.y + layout.content.height + 0.01);
      g_assert_cmpfloat (band->center_x - MAX (band->top_width, band->bottom_width) / 2, >=, 0);
      g_assert_cmpfloat (band->center_x + MAX (band->top_width, band->bottom_width) / 2, <=, width);
      if (i + 1 < layout.n_bands)
        {
          g_assert_cmpfloat (band->y + band->height, <, layout.bands[i + 1].y);
          g_assert_cmpfloat_with_epsilon (band->bottom_width, layout.bands[i + 1].top_width, 1e-9);
        }

      /* Hit test: the band's middle and its top and bottom edges. */
      g_assert_cmpint (sp_funnel_layout_hit_test (&layout, band->center_x,
                                                  band->y + band->height / 2), ==, (int) i);
      g_assert_cmpint (sp_funnel_layout_hit_test (&layout, band->center_x, band->y + 0.5), ==,
                       (int) i);
      g_assert_cmpint (sp_funnel_layout_hit_test (&layout, band->center_x,
                                                  band->y + band->height - 0.5), ==, (int) i);
    }
  g_assert_cmpint (sp_funnel_layout_hit_test (&layout, -5, height / 2), ==, -1);
  g_assert_cmpint (sp_funnel_layout_hit_test (&layout, width / 2, 0.5), ==, -1);
  g_assert_cmpint (sp_funnel_layout_hit_test (&layout, width / 2, height + 5), ==, -1);
}

static void
test_funnel_geometry (void)
{
  const struct { const SpFunnelStage *stages; guint n; } sets[] = {
    { english_stages, G_N_ELEMENTS (english_stages) },
    { chinese_stages, G_N_ELEMENTS (chinese_stages) },
    { big_stages, G_N_ELEMENTS (big_stages) },
    { odd_stages, G_N_ELEMENTS (odd_stages) },
    { english_stages, 1 },
  };
  const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 640, 400 }, { 300, 200 } };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (guint mode = SP_FUNNEL_MODE_COUNT; mode <= SP_FUNNEL_MODE_AMOUNT; mode++)
          {
            SpFunnelData data = make_data (sets[s].stages, sets[s].n, mode,
                                           s % 2 ? "销售漏斗" : "Pipeline");
            SpChartStyle style;

            sp_chart_style_init (&style, kind);
            check_layout (&data, &style, sizes[z][0], sizes[z][1]);
          }
}

/* At a normal size every stage shows its name, its figure, its conversion and its days. */
static void
test_funnel_labels (void)
{
  SpFunnelData data = make_data (english_stages, G_N_ELEMENTS (english_stages),
                                 SP_FUNNEL_MODE_COUNT, "Pipeline");
  g_auto(SpFunnelLayout) layout = { 0 };
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_PROJECTOR);
  sp_funnel_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Pipeline"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "Leads"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "1,200"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "¥9.6M"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "↓ 53.3%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 2, "9.2 days"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 4, "62"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Overall conversion 5.2%"));
  for (guint i = 1; i < G_N_ELEMENTS (english_stages); i++)
    g_assert_cmpuint (sp_chart_test_count_item_labels (layout.labels, (int) i), ==, 5);
}

/* The long Chinese name is ellipsized in its column, never run into the funnel. */
static void
test_funnel_chinese (void)
{
  SpFunnelData data = make_data (chinese_stages, G_N_ELEMENTS (chinese_stages),
                                 SP_FUNNEL_MODE_AMOUNT, "销售漏斗");
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_PROJECTOR);
  for (double width = 1024; width >= 500; width -= 262)
    {
      g_auto(SpFunnelLayout) layout = { 0 };
      gboolean found = FALSE;

      sp_funnel_chart_layout (&data, &style, NULL, width, 768, &layout);
      sp_chart_test_assert_labels (layout.labels, width, 768);
      for (guint i = 0; i < layout.labels->len; i++)
        {
          const SpChartLabel *label = &g_array_index (layout.labels, SpChartLabel, i);
          const SpFunnelBand *band = &layout.bands[3];

          if (label->item != 3 || g_strcmp0 (pango_layout_get_text (label->layout),
                                             chinese_stages[3].label) != 0)
            continue;
          g_assert_true (pango_layout_is_ellipsized (label->layout));
          found = TRUE;
          g_assert_cmpfloat (label->x + label->width, <=, band->center_x - layout.funnel_width / 2);
        }
      g_assert_true (found);
    }
}

static void
test_funnel_pixels (void)
{
  SpFunnelData data = make_data (english_stages, G_N_ELEMENTS (english_stages),
                                 SP_FUNNEL_MODE_COUNT, "Pipeline");
  g_auto(SpFunnelLayout) layout = { 0 };
  cairo_surface_t *surface;
  SpChartStyle style;
  cairo_t *cr;

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      sp_chart_style_init (&style, kind);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
      cr = cairo_create (surface);
      sp_funnel_chart_draw (cr, &data, &style, 1024, 768);
      sp_funnel_chart_layout (&data, &style, NULL, 1024, 768, &layout);

      /* Background in the corner, each band's colour a little inside its left edge. */
      sp_chart_test_assert_pixel (surface, 2, 2, &style.background);
      sp_chart_test_assert_pixel (surface, 1021, 765, &style.background);
      for (guint i = 0; i < layout.n_bands; i++)
        {
          const SpFunnelBand *band = &layout.bands[i];
          int x = (int) ceil (band->center_x - MIN (band->top_width, band->bottom_width) / 2) + 2;
          int y = (int) ceil (band->y) + 2;

          sp_chart_test_assert_pixel (surface, x, y, &style.series[i]);
        }

      sp_funnel_layout_clear (&layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_funnel_empty (void)
{
  SpFunnelData data = make_data (NULL, 0, SP_FUNNEL_MODE_COUNT, NULL);
  g_auto(SpFunnelLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_HIGH_CONTRAST);
  sp_funnel_chart_draw (cr, &data, &style, 1024, 768);
  sp_chart_test_assert_pixel (surface, 3, 3, &style.background);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 412, 334, 200, 100,
                                                      &style.background), >, 50);
  sp_chart_test_write_png (surface, "funnel-empty-high-contrast.png");

  sp_funnel_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpuint (layout.n_bands, ==, 0);
  g_assert_cmpuint (layout.labels->len, ==, 1);
  g_assert_cmpstr (pango_layout_get_text (g_array_index (layout.labels, SpChartLabel, 0).layout),
                   ==, "No data");
  g_assert_cmpint (sp_funnel_layout_hit_test (&layout, 512, 384), ==, -1);

  /* Degenerate sizes draw without complaint. */
  sp_funnel_layout_clear (&layout);
  data = make_data (english_stages, G_N_ELEMENTS (english_stages), SP_FUNNEL_MODE_COUNT,
                    "Pipeline");
  for (double size = 0; size <= 40; size += 10)
    {
      sp_funnel_chart_layout (&data, &style, NULL, size, size * 0.75, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.75);
      sp_funnel_layout_clear (&layout);
      sp_funnel_chart_draw (cr, &data, &style, size, size * 0.75);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
write_png (const SpFunnelData *data,
           SpChartPaletteKind  kind,
           int                 width,
           int                 height,
           const char         *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("funnel-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;

  sp_chart_style_init (&style, kind);
  sp_funnel_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pictures for people to look at, in tests/charts/out/ of the build folder. */
static void
test_funnel_png (void)
{
  SpFunnelData english = make_data (english_stages, G_N_ELEMENTS (english_stages),
                                    SP_FUNNEL_MODE_COUNT, "Pipeline by stage");
  SpFunnelData chinese = make_data (chinese_stages, G_N_ELEMENTS (chinese_stages),
                                    SP_FUNNEL_MODE_AMOUNT, "销售漏斗（金额）");
  SpFunnelData big = make_data (big_stages, G_N_ELEMENTS (big_stages), SP_FUNNEL_MODE_AMOUNT,
                                "Pipeline amount");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      write_png (&english, kind, 1024, 768, "en");
      write_png (&chinese, kind, 1024, 768, "zh");
    }
  write_png (&english, SP_CHART_PALETTE_LIGHT, 1920, 1080, "en");
  write_png (&chinese, SP_CHART_PALETTE_PROJECTOR, 1920, 1080, "zh");
  write_png (&big, SP_CHART_PALETTE_PROJECTOR, 1024, 768, "big");
  write_png (&english, SP_CHART_PALETTE_LIGHT, 480, 320, "en-small");
  write_png (&chinese, SP_CHART_PALETTE_PROJECTOR, 500, 768, "zh-narrow");
  write_png (&chinese, SP_CHART_PALETTE_PROJECTOR, 762, 768, "zh-narrow");
}

/* The same draw function serves PDF and SVG; poppler and librsvg must read what it wrote. */
static void
test_funnel_export (void)
{
  SpFunnelData data = make_data (chinese_stages, G_N_ELEMENTS (chinese_stages),
                                 SP_FUNNEL_MODE_COUNT, "销售漏斗 Pipeline");
  g_autofree char *pdf = sp_chart_test_out_path ("funnel.pdf");
  g_autofree char *svg = sp_chart_test_out_path ("funnel.svg");
  g_autofree char *pdf_png = sp_chart_test_out_path ("funnel-from-pdf");
  g_autofree char *pdf_png_file = sp_chart_test_out_path ("funnel-from-pdf.png");
  g_autofree char *svg_png = sp_chart_test_out_path ("funnel-from-svg.png");
  cairo_surface_t *surface;
  SpChartStyle style;
  cairo_t *cr;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  g_unlink (pdf_png_file);
  g_unlink (svg_png);

  surface = cairo_pdf_surface_create (pdf, 1024 * 0.75, 768 * 0.75);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  sp_funnel_chart_draw (cr, &data, &style, 1024, 768);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg, 1024, 768);
  cr = cairo_create (surface);
  sp_funnel_chart_draw (cr, &data, &style, 1024, 768);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  sp_chart_test_assert_file_not_empty (pdf);
  sp_chart_test_assert_file_not_empty (svg);

  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "96", "-singlefile", pdf, pdf_png, NULL };

    if (sp_chart_test_run_tool (argv))
      sp_chart_test_assert_file_not_empty (pdf_png_file);
  }
  {
    const char *argv[] = { "rsvg-convert", "-o", svg_png, svg, NULL };

    if (sp_chart_test_run_tool (argv))
      sp_chart_test_assert_file_not_empty (svg_png);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);

  g_test_add_func ("/funnel-chart/geometry", test_funnel_geometry);
  g_test_add_func ("/funnel-chart/labels", test_funnel_labels);
  g_test_add_func ("/funnel-chart/chinese", test_funnel_chinese);
  g_test_add_func ("/funnel-chart/pixels", test_funnel_pixels);
  g_test_add_func ("/funnel-chart/empty", test_funnel_empty);
  g_test_add_func ("/funnel-chart/png", test_funnel_png);
  g_test_add_func ("/funnel-chart/export", test_funnel_export);

  status = g_test_run ();
  g_free (sp_chart_test_dir);

  return status;
}
