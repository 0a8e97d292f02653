/* test-ranking-chart.c — ranking board: order, bar lengths, ranks, labels, hit test, pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-chart-test-utils.h"
#include "sp-ranking-chart.h"

#define YUAN(x) ((gint64) (x) * 100)

static const SpRankingItem week_items[] = {
  { "Wang Fang", YUAN (182000), YUAN (150000) },
  { "Zhang Wei", YUAN (243500), YUAN (200000) },
  { "Li Na", YUAN (96000), YUAN (150000) },
  { "Liu Yang", YUAN (151000), YUAN (150000) },
  { "Chen Jing", YUAN (120500), YUAN (180000) },
  { "Yang Min", YUAN (210000), YUAN (200000) },
  { "Zhao Lei", YUAN (64000), YUAN (100000) },
  { "Huang Xia", YUAN (151000), 0 },
  { "Zhou Qiang", YUAN (133000), YUAN (120000) },
  { "Wu Tao", YUAN (88000), YUAN (120000) },
};

static const SpRankingItem chinese_items[] = {
  { "王芳", YUAN (182000), YUAN (150000) },
  { "张伟（华东区上海浦东新区重点客户事业部）", YUAN (243500), YUAN (200000) },
  { "李娜", YUAN (96000), YUAN (150000) },
  { "刘洋（广州天河区渠道拓展事业部）", YUAN (151000), YUAN (150000) },
  { "陈静", YUAN (120500), YUAN (180000) },
  { "杨敏", YUAN (210000), YUAN (200000) },
  { "赵磊（北京朝阳区战略客户部）", YUAN (64000), YUAN (100000) },
  { "黄霞", YUAN (151000), YUAN (140000) },
};

static const SpRankingItem big_items[] = {
  { "华东区", YUAN (1000000000), YUAN (900000000) },
  { "华南区", YUAN (610000000), YUAN (800000000) },
  { "华北区", YUAN (15000), YUAN (800000000) },
};

static const SpRankingItem one_item[] = {
  { "Zhang Wei", YUAN (243500), YUAN (200000) },
};

/* Returns larger than sales: a bar to the left of zero. */
static const SpRankingItem negative_items[] = {
  { "Wang Fang", YUAN (50000), YUAN (40000) },
  { "Li Na", -YUAN (12000), YUAN (40000) },
  { "Liu Yang", YUAN (0), YUAN (40000) },
};

static SpRankingItem many_items[500];
static char *many_names[500];

static void
make_many (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (many_items); i++)
    {
      many_names[i] = g_strdup_printf ("销售代表 %03u", i + 1);
      many_items[i].label = many_names[i];
      many_items[i].value = YUAN (50000 + (i * 7919) % 250000);
      many_items[i].target = YUAN (150000);
    }
}

static SpRankingData
make_data (const SpRankingItem *items,
           guint                n_items,
           const char          *title)
{
  SpRankingData data = { 0 };

  data.title = title;
  data.n_items = n_items;
  data.items = items;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) sp_currency_lookup ("CNY");

  return data;
}

static void
check_layout (const SpRankingData *data,
              const SpChartStyle  *style,
              double               width,
              double               height)
{
  g_auto(SpRankingLayout) layout = { 0 };
  double px_per_unit;

  sp_ranking_chart_layout (data, style, NULL, width, height, &layout);
  sp_chart_test_assert_labels (layout.labels, width, height);
  g_assert_cmpuint (layout.n_rows + layout.n_hidden, ==, data->n_items);
  if (data->max_rows > 0)
    g_assert_cmpuint (layout.n_rows, <=, data->max_rows);
  if (layout.n_rows == 0)
    return;

  px_per_unit = (layout.scale.range_upper - layout.scale.range_lower)
                / (layout.scale.domain_upper - layout.scale.domain_lower);
  g_assert_cmpfloat (px_per_unit, >, 0);
  for (guint r = 0; r < layout.n_rows; r++)
    {
      const SpRankingRow *row = &layout.rows[r];
      const SpRankingItem *item = &data->items[row->item];
      g_autofree char *rank = g_strdup_printf ("%u", r + 1);

      /* Sorted best first, ranks 1 … n, the first three highlighted. */
      g_assert_cmpuint (row->rank, ==, r + 1);
      g_assert_true (row->highlighted == (r < 3));
      if (r > 0)
        g_assert_cmpint (data->items[layout.rows[r - 1].item].value, >=, item->value);

      /* Length proportional to the value, from the zero line, on whole pixels. */
      g_assert_cmpfloat_with_epsilon (row->bar.width, fabs ((double) item->value) * px_per_unit,
                                      1.0);
      if (item->value >= 0)
        g_assert_cmpfloat (row->bar.x, ==, layout.zero_x);
      else
        g_assert_cmpfloat (row->bar.x + row->bar.width, ==, layout.zero_x);
      g_assert_cmpfloat (row->bar.y, >=, row->hit.y);
      g_assert_cmpfloat (row->bar.y + row->bar.height, <=, row->hit.y + row->hit.height);
      g_assert_cmpfloat (row->bar.height, >, 0);
      g_assert_true (isfinite (row->target_x) == (item->target > 0));

      /* The rank number is always there; rows tile downwards. */
      if (sp_chart_test_find_label (layout.labels, (int) row->item, rank) == NULL)
        g_error ("no rank label %s for \"%s\" at %gx%g", rank, item->label, width, height);
      if (r > 0)
        g_assert_cmpfloat_with_epsilon (row->hit.y,
                                        layout.rows[r - 1].hit.y + layout.rows[r - 1].hit.height,
                                        1e-9);

      g_assert_cmpint (sp_ranking_layout_hit_test (&layout, row->hit.x + 1,
                                                   row->hit.y + row->hit.height / 2), ==,
                       (int) row->item);
    }
  g_assert_cmpint (sp_ranking_layout_hit_test (&layout, -5, layout.rows[0].hit.y + 1), ==, -1);
  g_assert_cmpint (sp_ranking_layout_hit_test (&layout, width / 2, height + 1), ==, -1);
}

static void
test_ranking_geometry (void)
{
  const struct { const SpRankingItem *items; guint n; } sets[] = {
    { week_items, G_N_ELEMENTS (week_items) },
    { chinese_items, G_N_ELEMENTS (chinese_items) },
    { big_items, G_N_ELEMENTS (big_items) },
    { one_item, G_N_ELEMENTS (one_item) },
    { negative_items, G_N_ELEMENTS (negative_items) },
    { many_items, G_N_ELEMENTS (many_items) },
  };
  const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 640, 400 }, { 320, 240 } };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (guint max_rows = 0; max_rows <= 5; max_rows += 5)
          {
            SpRankingData data = make_data (sets[s].items, sets[s].n,
                                            s % 2 ? "本周战报" : "Weekly ranking");
            SpChartStyle style;

            data.max_rows = max_rows;
            sp_chart_style_init (&style, kind);
            check_layout (&data, &style, sizes[z][0], sizes[z][1]);
          }
}

static void
test_ranking_values (void)
{
  SpRankingData data = make_data (week_items, G_N_ELEMENTS (week_items), "Weekly ranking");
  g_auto(SpRankingLayout) layout = { 0 };
  SpChartStyle style;
  const guint expected[] = { 1, 5, 0, 3, 7, 8, 4, 2, 9, 6 };

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpuint (layout.n_rows, ==, G_N_ELEMENTS (week_items));
  g_assert_cmpuint (layout.n_hidden, ==, 0);

  /* Equal values keep their order: Liu Yang (3) before Huang Xia (7). */
  for (guint r = 0; r < layout.n_rows; r++)
    g_assert_cmpuint (layout.rows[r].item, ==, expected[r]);

  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "Zhang Wei"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "¥243.5K"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "121%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 2, "64%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Attainment"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Target"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 7, "—"));   /* no target */
  g_assert_true (isnan (layout.rows[4].attainment));
  g_assert_cmpfloat_with_epsilon (layout.rows[0].attainment, 243500.0 / 200000.0, 1e-12);
  sp_ranking_layout_clear (&layout);

  /* max_rows: the rest counted in the footer. */
  data.max_rows = 3;
  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpuint (layout.n_rows, ==, 3);
  g_assert_cmpuint (layout.n_hidden, ==, 7);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "… and 7 more"));
  sp_ranking_layout_clear (&layout);

  /* 500 reps: as many rows as fit, none squeezed below a line of text. */
  data = make_data (many_items, G_N_ELEMENTS (many_items), "Ranking");
  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpuint (layout.n_rows, >, 10);
  g_assert_cmpuint (layout.n_rows, <, 40);
  g_assert_cmpfloat (layout.rows[0].hit.height, >=,
                     sp_chart_text_font_size (&style, SP_CHART_FONT_VALUE));
  sp_ranking_layout_clear (&layout);

  /* ¥1,000,000,000 and ¥15,000 on one scale: the figures are all there. */
  data = make_data (big_items, G_N_ELEMENTS (big_items), NULL);
  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "¥1B"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "111%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 2, "0%"));
  sp_ranking_layout_clear (&layout);

  /* Long Chinese names are ellipsized, never cut by the bars. */
  data = make_data (chinese_items, G_N_ELEMENTS (chinese_items), "本周战报");
  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  for (guint i = 0; i < layout.labels->len; i++)
    {
      const SpChartLabel *label = &g_array_index (layout.labels, SpChartLabel, i);

      if (label->item == 1 && pango_layout_is_ellipsized (label->layout))
        {
          g_assert_cmpfloat (label->x + label->width, <=, layout.zero_x);
          break;
        }
      g_assert_cmpuint (i + 1, <, layout.labels->len);
    }
}

static void
test_ranking_pixels (void)
{
  SpRankingData data = make_data (week_items, G_N_ELEMENTS (week_items), "Weekly ranking");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      g_auto(SpRankingLayout) layout = { 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      SpChartStyle style;

      sp_chart_style_init (&style, kind);
      sp_ranking_chart_draw (cr, &data, &style, 1024, 768);
      sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);

      sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
      sp_chart_test_assert_pixel (surface, 1022, 766, &style.background);
      for (guint r = 0; r < layout.n_rows; r++)
        {
          const SpChartRect *bar = &layout.rows[r].bar;

          /* A quarter in, clear of the target mark. */
          sp_chart_test_assert_pixel (surface, (int) (bar->x + bar->width / 4),
                                      (int) (bar->y + bar->height / 2),
                                      r < 3 ? &style.series[1] : &style.series[0]);
        }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_ranking_empty (void)
{
  SpRankingData data = make_data (NULL, 0, "Weekly ranking");
  g_auto(SpRankingLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_HIGH_CONTRAST);
  sp_ranking_chart_draw (cr, &data, &style, 1024, 768);
  sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 412, 334, 200, 100,
                                                      &style.background), >, 50);
  sp_chart_test_write_png (surface, "ranking-empty-high-contrast.png");

  sp_ranking_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  g_assert_false (layout.show_legend);
  g_assert_cmpint (sp_ranking_layout_hit_test (&layout, 512, 384), ==, -1);
  sp_ranking_layout_clear (&layout);

  data = make_data (week_items, G_N_ELEMENTS (week_items), "Weekly ranking");
  for (double size = 0; size <= 60; size += 15)
    {
      sp_ranking_chart_layout (&data, &style, NULL, size, size * 0.75, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.75);
      sp_ranking_layout_clear (&layout);
      sp_ranking_chart_draw (cr, &data, &style, size, size * 0.75);
    }
  {
    const SpRankingItem zeros[] = { { "A", 0, 0 }, { "B", 0, 0 } };

    data = make_data (zeros, G_N_ELEMENTS (zeros), NULL);
    check_layout (&data, &style, 800, 600);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
write_png (const SpRankingData *data,
           SpChartPaletteKind   kind,
           int                  width,
           int                  height,
           const char          *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("ranking-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;

  sp_chart_style_init (&style, kind);
  sp_ranking_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_ranking_png (void)
{
  SpRankingData en = make_data (week_items, G_N_ELEMENTS (week_items), "Weekly ranking");
  SpRankingData zh = make_data (chinese_items, G_N_ELEMENTS (chinese_items), "本周战报");
  SpRankingData big = make_data (big_items, G_N_ELEMENTS (big_items), "大区战报");
  SpRankingData one = make_data (one_item, G_N_ELEMENTS (one_item), "Weekly ranking");
  SpRankingData negative = make_data (negative_items, G_N_ELEMENTS (negative_items), "Returns");
  SpRankingData many = make_data (many_items, G_N_ELEMENTS (many_items), "全员战报 (500)");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      write_png (&en, kind, 1024, 768, "en");
      write_png (&zh, kind, 1024, 768, "zh");
    }
  write_png (&en, SP_CHART_PALETTE_LIGHT, 1920, 1080, "en");
  write_png (&zh, SP_CHART_PALETTE_PROJECTOR, 1920, 1080, "zh");
  write_png (&big, SP_CHART_PALETTE_PROJECTOR, 1024, 768, "big");
  write_png (&one, SP_CHART_PALETTE_LIGHT, 1024, 768, "one");
  write_png (&negative, SP_CHART_PALETTE_DARK, 1024, 768, "negative");
  write_png (&many, SP_CHART_PALETTE_LIGHT, 1024, 768, "many");
  write_png (&zh, SP_CHART_PALETTE_LIGHT, 480, 320, "zh-small");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);
  make_many ();

  g_test_add_func ("/ranking-chart/geometry", test_ranking_geometry);
  g_test_add_func ("/ranking-chart/values", test_ranking_values);
  g_test_add_func ("/ranking-chart/pixels", test_ranking_pixels);
  g_test_add_func ("/ranking-chart/empty", test_ranking_empty);
  g_test_add_func ("/ranking-chart/png", test_ranking_png);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (many_names); i++)
    g_free (many_names[i]);
  g_free (sp_chart_test_dir);

  return status;
}
