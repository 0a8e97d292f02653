/* test-key-figures.c — Work Log → Key Figures on the demo workspace: the team's row and a
 * region's subtotal are the model's figures for the period, the period before is beside
 * them, a rep below the required rate is flagged; screenshots light, dark and on a projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-key-figures"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-key-figures-panel.h"
#include "sp-rep-workload.h"
#include "sp-window-private.h"
#include "sp-worklog-page-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static SpWorklogPage *
worklog_page (void)
{
  return SP_WORKLOG_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "worklog"));
}

static SpKeyFiguresPanel *
show_key_figures (void)
{
  SpWorklogPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("worklog"));
  page = worklog_page ();
  gtk_stack_set_visible_child_name (page->view_stack, "key-figures");
  sp_ui_spin (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->key_figures)));
  return page->key_figures;
}

static char *
count_prefix (gint64 current,
              gint64 previous)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\n(%" G_GINT64_FORMAT, current, previous);
}

/* The cells of a row start with "current (previous" of the model's figures. */
static void
assert_row (SpKeyFiguresPanel *panel,
            gint64             rep_id,
            gint64             region_id)
{
  SpWorklogKeyFigures now, before;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_customers = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *repeat = NULL;
  g_autofree char *conversion = NULL;
  const char *text;
  GDate from, to;

  sp_key_figures_panel_get_range (panel, &from, &to);
  g_assert_true (sp_worklog_key_figures (fixture.store, rep_id, region_id, &from, &to, &now,
                                         &before, &error));
  g_assert_no_error (error);
  /* The demo has both periods logged. */
  g_assert_cmpint (now.orders + before.orders, >, 0);

  new_customers = count_prefix (now.new_customers, before.new_customers);
  orders = count_prefix (now.orders, before.orders);
  repeat = count_prefix (now.repeat_purchases, before.repeat_purchases);
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_NEW_CUSTOMERS);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, new_customers));
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_ORDERS);
  g_assert_true (g_str_has_prefix (text, orders));
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_REPEAT_PURCHASES);
  g_assert_true (g_str_has_prefix (text, repeat));
  if (before.repeat_purchases > 0 && now.repeat_purchases != before.repeat_purchases)
    g_assert_true (strstr (text, now.repeat_purchases > before.repeat_purchases ? "▲" : "▼"));

  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_CONVERSION);
  if (now.conversion.den != 0)
    {
      conversion = g_strdup_printf ("%.1f%%\n(",
                                    (double) sp_rate_to_basis_points (now.conversion) / 100.0);
      g_assert_true (g_str_has_prefix (text, conversion));
    }
}

static void
test_figures (void)
{
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  SpKeyFiguresPanel *panel;
  SpPreferences *preferences;
  guint n_active, flagged = 0;
  GDate from, to, check_to;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1280, 800);
  panel = show_key_figures ();
  preferences = sp_page_get_preferences (SP_PAGE (worklog_page ()));

  for (SpKeyFiguresPeriod period = SP_KEY_FIGURES_PERIOD_WEEK;
       period <= SP_KEY_FIGURES_PERIOD_QUARTER; period++)
    {
      sp_key_figures_panel_set_period (panel, period);
      sp_key_figures_panel_get_range (panel, &from, &to);
      g_assert_true (g_date_compare (&from, &fixture.today) <= 0);
      g_assert_true (g_date_compare (&fixture.today, &to) <= 0);
      assert_row (panel, 0, 0);
    }

  sp_key_figures_panel_set_period (panel, SP_KEY_FIGURES_PERIOD_MONTH);
  sp_key_figures_panel_get_range (panel, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_SEPTEMBER);

  reps = sp_rep_list (fixture.store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reps), >, 0);
  {
    g_autoptr(SpRep) first = g_list_model_get_item (reps, 0);

    g_assert_cmpint (sp_rep_get_region_id (first), !=, 0);
    assert_row (panel, 0, sp_rep_get_region_id (first));
  }

  /* Every active rep's flags are sp_worklog_below_required() with the workload formula's
   * daily counts; the demo has at least one rep below. */
  n_active = sp_rep_workload_count_active (fixture.store, NULL);
  check_to = fixture.today;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      SpRepWorkload workload;
      SpWorkload required = { 0 };
      guint below = 0;
      const char *text;

      if (!sp_rep_get_active (rep))
        continue;
      assert_row (panel, sp_rep_get_id (rep), 0);
      g_assert_true (sp_rep_workload_init (&workload, preferences, sp_rep_get_id (rep), n_active,
                                           &from, &to, &fixture.today, &error));
      g_assert_no_error (error);
      g_assert_true (workload.has_plan);
      g_assert_true (sp_workload_compute (&workload.input, &required, &error));
      g_assert_no_error (error);
      g_assert_true (sp_worklog_below_required (fixture.store, sp_rep_get_id (rep), &from,
                                                &check_to, required.per_day, &below, NULL,
                                                &error));
      g_assert_no_error (error);

      text = sp_key_figures_panel_get_cell_text (panel, sp_rep_get_id (rep), 0,
                                                 SP_KEY_FIGURES_COLUMN_BELOW_RATE);
      g_assert_nonnull (text);
      if (below != 0)
        {
          g_autofree char *expected = sp_key_figures_panel_below_text (below);

          g_assert_cmpstr (text, ==, expected);
        }
      else
        g_assert_cmpstr (text, ==, "");
      if (below != 0)
        flagged++;
    }
  g_assert_cmpuint (flagged, >, 0);

  sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), "worklog-key-figures", 1280, 800);
  {
    /* The team's row, at the end. */
    GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (panel));
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), "worklog-key-figures-end", 1280, 800);
    gtk_adjustment_set_value (adjustment, 0);
  }
  sp_ui_fixture_resize (&fixture, 1024, 768);
  /* The sidebar folds away at this width: back to the view. */
  show_key_figures ();
  sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), "worklog-key-figures", 1024, 768);
}

static void
test_styles (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  show_key_figures ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sp_ui_wait_for_frames (window, 1024, 768);
  sp_ui_screenshot (&fixture, NULL, "worklog-key-figures-dark", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (window, "presentation"));
  sp_ui_fixture_resize (&fixture, 1024, 768);
  show_key_figures ();
  sp_ui_wait_for_frames (window, 1024, 768);
  sp_ui_screenshot (&fixture, NULL, "worklog-key-figures-presentation", 1024, 768);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-kf-XXXXXX", TRUE);
  /* Today is the demo's last logged day. */
  g_date_subtract_days (&fixture.today, 1);
  sp_worklog_page_set_day (worklog_page (), &fixture.today);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/key-figures/figures", test_figures);
  g_test_add_func ("/ui/key-figures/styles", test_styles);

  return sp_ui_test_run (&fixture, setup);
}
