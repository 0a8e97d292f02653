/* bench-charts.c — how long one full draw of each chart takes at 1920x1080 (target: 8 ms)
 *
 * Usage: bench-charts [ROUNDS]   (default 200)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

#include "sp-attainment-chart.h"
#include "sp-burnup-chart.h"
#include "sp-funnel-chart.h"
#include "sp-heatmap-chart.h"
#include "sp-kpi-tile.h"
#include "sp-ranking-chart.h"

#define WIDTH 1920
#define HEIGHT 1080
#define TARGET_MS 8.0

typedef void (*DrawFunc) (cairo_t            *cr,
                          gconstpointer       data,
                          const SpChartStyle *style);

static void
draw_funnel (cairo_t            *cr,
             gconstpointer       data,
             const SpChartStyle *style)
{
  sp_funnel_chart_draw (cr, data, style, WIDTH, HEIGHT);
}

static void
draw_attainment (cairo_t            *cr,
                 gconstpointer       data,
                 const SpChartStyle *style)
{
  sp_attainment_chart_draw (cr, data, style, WIDTH, HEIGHT);
}

static void
draw_burnup (cairo_t            *cr,
             gconstpointer       data,
             const SpChartStyle *style)
{
  sp_burnup_chart_draw (cr, data, style, WIDTH, HEIGHT);
}

static void
draw_ranking (cairo_t            *cr,
              gconstpointer       data,
              const SpChartStyle *style)
{
  sp_ranking_chart_draw (cr, data, style, WIDTH, HEIGHT);
}

static void
draw_heatmap (cairo_t            *cr,
              gconstpointer       data,
              const SpChartStyle *style)
{
  sp_heatmap_chart_draw (cr, data, style, WIDTH, HEIGHT);
}

static void
draw_kpi_tile (cairo_t            *cr,
               gconstpointer       data,
               const SpChartStyle *style)
{
  sp_kpi_tile_draw (cr, data, style, WIDTH, HEIGHT);
}

/* The dashboard's six KPI tiles at 240x140 each, one frame. */
static void
draw_kpi_row (cairo_t            *cr,
              gconstpointer       data,
              const SpChartStyle *style)
{
  for (guint i = 0; i < 6; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 12 + i * 252, 12);
      sp_kpi_tile_draw (cr, data, style, 240, 140);
      cairo_restore (cr);
    }
}

/* Returns whether the mean stayed under the target. */
static gboolean
bench (const char         *name,
       DrawFunc            draw,
       gconstpointer       data,
       SpChartPaletteKind  kind,
       guint               rounds)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;
  gint64 start, elapsed;
  double mean_ms;

  sp_chart_style_init (&style, kind);
  draw (cr, data, &style);   /* fonts and glyph caches warm, as on screen after the first frame */

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    draw (cr, data, &style);
  cairo_surface_flush (surface);
  elapsed = g_get_monotonic_time () - start;

  mean_ms = elapsed / 1000.0 / rounds;
  g_print ("%-34s %-13s %7.2f ms per draw%s\n", name, sp_chart_palette_to_string (kind), mean_ms,
           mean_ms < TARGET_MS ? "" : "  OVER THE 8 ms TARGET");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return mean_ms < TARGET_MS;
}

int
main (int   argc,
      char *argv[])
{
  static const SpFunnelStage stages[] = {
    { "线索 Leads", 1200, 960000000, NAN, 3.5 },
    { "有效商机 Qualified", 640, 768000000, 640.0 / 1200, 6.0 },
    { "方案报价 Proposal", 310, 527000000, 310.0 / 640, 9.25 },
    { "华东区上海浦东新区重点客户事业部商务谈判", 140, 336000000, 140.0 / 310, 12.0 },
    { "赢单 Won", 62, 198400000, 62.0 / 140, 4.5 },
  };
  const char *regions[] = { "华东区", "华南区", "华北区", "西南区", "西北区", "东北区", "华中区",
                            "港澳区" };
  const char *units[] = { "上海浦东新区重点客户事业部", "广州天河区渠道拓展事业部",
                          "北京朝阳区战略客户部" };
  const SpCurrency *cny = sp_currency_lookup ("CNY");
  static const char * const month_names[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  SpAttainmentItem month_items[12];
  SpAttainmentItem items[24];
  char *names[24];
  SpFunnelData funnel = { "销售漏斗 Pipeline", SP_FUNNEL_MODE_COUNT, G_N_ELEMENTS (stages), stages,
                          sp_chart_format_money, (gpointer) cny };
  SpAttainmentData months = { "Attainment by month", G_N_ELEMENTS (month_items), month_items,
                              sp_chart_format_money, (gpointer) cny };
  SpAttainmentData regions_data = { "各区域目标达成", G_N_ELEMENTS (items), items,
                                    sp_chart_format_money, (gpointer) cny };
  static const double spark[] = { 8.1e8, 8.6e8, 7.9e8, 9.4e8, 9.9e8, 1.02e9, 9.7e8, 1.1e9,
                                  1.05e9, 1.16e9, 1.21e9, 1.3e9 };
  SpKpiTileData kpi = { "单产金额 Average deal size", 1.3e9, 1.21e9, FALSE, G_N_ELEMENTS (spark),
                        spark, sp_chart_format_money, (gpointer) cny };
  gint64 days[365];
  SpBurnupData burnup = { "全年累计进度 Year to date", (gint64) 365000000 * 100, 365, 200, days,
                          sp_chart_format_money, (gpointer) cny, NULL, NULL };
  SpRankingItem reps[500];
  char *rep_names[500];
  SpRankingData ranking = { "全员战报 Ranking", G_N_ELEMENTS (reps), reps, 0,
                            sp_chart_format_money, (gpointer) cny };
  double cells[20 * 12];
  const char *region_names[20];
  SpHeatmapData heatmap = { "各区域月度销售额 Region × month", 20, 12, region_names, month_names,
                            cells, sp_chart_format_money, (gpointer) cny };
  guint rounds = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 200;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      names[i] = g_strconcat (regions[i % 8], units[i % 3], NULL);
      items[i].label = names[i];
      items[i].target = (gint64) (2000000 + 150000 * (i % 7)) * 100;
      items[i].actual = (gint64) (1300000 + 237000 * (i % 9)) * 100;
    }

  for (guint i = 0; i < G_N_ELEMENTS (month_items); i++)
    {
      month_items[i].label = month_names[i];
      month_items[i].target = (gint64) (800000 + 50000 * i) * 100;
      month_items[i].actual = (gint64) (700000 + 73000 * (i % 5) + 20000 * i) * 100;
    }

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    days[i] = (gint64) (900000 + 130000 * (i % 7)) * 100 + 37;
  for (guint i = 0; i < G_N_ELEMENTS (reps); i++)
    {
      rep_names[i] = g_strdup_printf ("%s 销售代表 %03u", regions[i % 8], i + 1);
      reps[i].label = rep_names[i];
      reps[i].value = (gint64) (50000 + (i * 7919) % 250000) * 100;
      reps[i].target = (gint64) 150000 * 100;
    }
  for (guint r = 0; r < 20; r++)
    {
      region_names[r] = regions[r % 8];
      for (guint c = 0; c < 12; c++)
        cells[r * 12 + c] = (double) (100000 + 37000 * ((r * 7 + c * 3) % 23)) * 100;
    }

  rounds = MAX (rounds, 1);
  g_print ("%u draws of each chart at %dx%d on an ARGB32 image surface\n", rounds, WIDTH, HEIGHT);
  /* The everyday palette and the projector's bigger type. */
  for (guint k = 0; k < 2; k++)
    {
      SpChartPaletteKind kind = k == 0 ? SP_CHART_PALETTE_LIGHT : SP_CHART_PALETTE_PROJECTOR;

      ok &= bench ("funnel (5 stages)", draw_funnel, &funnel, kind, rounds);
      ok &= bench ("attainment (12 months)", draw_attainment, &months, kind, rounds);
      ok &= bench ("attainment (24 long Chinese names)", draw_attainment, &regions_data, kind,
                   rounds);
      ok &= bench ("burn-up (365 days)", draw_burnup, &burnup, kind, rounds);
      ok &= bench ("ranking (500 reps)", draw_ranking, &ranking, kind, rounds);
      ok &= bench ("heatmap (20 regions x 12 months)", draw_heatmap, &heatmap, kind, rounds);
      ok &= bench ("KPI tile (one, full size)", draw_kpi_tile, &kpi, kind, rounds);
      ok &= bench ("KPI tiles (six at 240x140)", draw_kpi_row, &kpi, kind, rounds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (rep_names); i++)
    g_free (rep_names[i]);

  /* A benchmark reports; it fails only when told to hold the target (SP_BENCH_STRICT=1). */
  if (!ok && g_strcmp0 (g_getenv ("SP_BENCH_STRICT"), "1") == 0)
    return 1;

  return 0;
}
