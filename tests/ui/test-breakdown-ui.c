/* test-breakdown-ui.c — the Targets view's breakdown tree, matrix and generate dialog on the
 * demo workspace: the tree's shape and sums, edits and undo through the cells' own handlers,
 * a refused edit, and screenshots for people to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-breakdown-ui"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-breakdown-edit.h"
#include "sp-breakdown-generate-dialog.h"
#include "sp-breakdown-matrix.h"
#include "sp-display.h"
#include "sp-breakdown-view.h"
#include "sp-breakdown-view-private.h"
#include "sp-window-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static SpBreakdownView *
breakdown_view (void)
{
  return SP_BREAKDOWN_VIEW (sp_ui_find_widget (GTK_WIDGET (fixture.window->targets_page),
                                         SP_TYPE_BREAKDOWN_VIEW));
}

static SpBreakdownMatrix *
breakdown_matrix (void)
{
  return SP_BREAKDOWN_MATRIX (sp_ui_find_widget (GTK_WIDGET (fixture.window->targets_page),
                                           SP_TYPE_BREAKDOWN_MATRIX));
}

/* Shows the Targets view's Breakdown or Matrix section. */
static void
show_section (GtkWidget *section)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("targets"));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (section)), section);
}

static SpBreakdown *
the_breakdown (void)
{
  SpBreakdown *breakdown = sp_breakdown_view_get_breakdown (breakdown_view ());

  g_assert_nonnull (breakdown);
  return breakdown;
}

/* A new generate dialog on the window's breakdown, its reference owned by the caller. */
static GtkWidget *
generate_dialog (void)
{
  GtkWidget *dialog = sp_breakdown_generate_dialog_new (GTK_WINDOW (fixture.window),
                                                        sp_window_get_preferences (fixture.window),
                                                        the_breakdown ());

  return g_object_ref_sink (dialog);
}

static gint64
plan_target (void)
{
  g_autoptr(GListModel) plans = sp_plan_list (fixture.store, NULL);
  gint64 plan_id = sp_breakdown_get_plan_id (the_breakdown ());

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);

      if (sp_plan_get_id (plan) == plan_id)
        return sp_plan_get_target (plan);
    }
  g_assert_not_reached ();
}

static SpBreakdownRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, position);

  g_autoptr(GObject) item = NULL;

  g_assert_nonnull (tree_row);
  item = gtk_tree_list_row_get_item (tree_row);
  /* The tree's stores keep the row alive. */
  return SP_BREAKDOWN_ROW (item);
}

/* The target cell's GtkEditableLabel that shows @row, if it is on screen. */
static GtkWidget *
find_editable (GtkWidget      *widget,
               SpBreakdownRow *row)
{
  /* The target cell bound to @row, while the list shows it. */
  return g_hash_table_lookup (SP_BREAKDOWN_VIEW (widget)->editables, row);
}

static gint64
stored_amount (SpBreakdownPeriod period,
               guint             index)
{
  SpBreakdownCell cell;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_TEAM, 0, period,
                                        index, &cell, &error));
  g_assert_no_error (error);
  return cell.amount;
}

static void
undo (void)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  sp_ui_spin (20);
}

/* The demo plan is broken down through the dialog if it is not yet; the tree then shows the
 * year, its 4 quarters and their 12 months, adding up to the plan's target. */
static void
test_generate_and_tree (void)
{
  SpBreakdownView *view;
  GListModel *rows;
  g_autoptr(GtkWidget) dialog = NULL;
  gint64 sum = 0, started;
  SpBreakdownRow *year;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  view = breakdown_view ();
  g_assert_nonnull (view);
  show_section (GTK_WIDGET (view));
  sp_ui_fixture_resize (&fixture, 1024, 768);
  if (sp_breakdown_is_empty (the_breakdown ()))
    {
      sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), "breakdown-empty", 1024, 768);
    }

  dialog = generate_dialog ();
  gtk_window_present (GTK_WINDOW (dialog));
  sp_ui_shoot (&fixture, dialog, "breakdown-generate", 0, 0);
  started = g_get_monotonic_time ();
  g_assert_true (sp_breakdown_generate_dialog_generate (SP_BREAKDOWN_GENERATE_DIALOG (dialog),
                                                        NULL));
  g_test_message ("generate took %.0f ms", (g_get_monotonic_time () - started) / 1000.0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (sp_breakdown_is_empty (the_breakdown ()));

  rows = sp_breakdown_view_get_rows (view);
  g_assert_nonnull (rows);
  /* The year, then each quarter followed by its 3 months. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 4 * 4);
  year = row_at (rows, 0);
  g_assert_cmpint (sp_breakdown_row_get_cell (year)->period, ==, SP_BREAKDOWN_PERIOD_YEAR);
  g_assert_cmpint (sp_breakdown_row_get_cell (year)->amount, ==, plan_target ());
  for (guint q = 0; q < 4; q++)
    {
      SpBreakdownRow *quarter = row_at (rows, 1 + q * 4);
      gint64 quarter_sum = 0;

      g_assert_cmpint (sp_breakdown_row_get_cell (quarter)->period, ==,
                       SP_BREAKDOWN_PERIOD_QUARTER);
      for (guint m = 0; m < 3; m++)
        {
          const SpBreakdownCell *month = sp_breakdown_row_get_cell (row_at (rows, 2 + q * 4 + m));

          g_assert_cmpint (month->period, ==, SP_BREAKDOWN_PERIOD_MONTH);
          g_assert_cmpuint (month->index, ==, q * 3 + m);
          quarter_sum += month->amount;
        }
      g_assert_cmpint (quarter_sum, ==, sp_breakdown_row_get_cell (quarter)->amount);
      sum += quarter_sum;
    }
  g_assert_cmpint (sum, ==, plan_target ());

  /* A month opens on its weeks. */
  {
    g_autoptr(GtkTreeListRow) month = g_list_model_get_item (rows, 2);

    gtk_tree_list_row_set_expanded (month, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 1 + 4 * 4 + 3);
    g_assert_cmpint (sp_breakdown_row_get_cell (row_at (rows, 3))->period, ==,
                     SP_BREAKDOWN_PERIOD_WEEK);
    gtk_tree_list_row_set_expanded (month, FALSE);
  }
}

/* A month typed into its cell is saved, the tree follows at once, and undo puts it back;
 * a percent is a share of the row's parent. */
static void
test_edit_and_undo (void)
{
  SpBreakdownView *view;
  GListModel *rows;
  SpBreakdownRow *month;
  gint64 before, year;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  view = breakdown_view ();
  rows = sp_breakdown_view_get_rows (view);
  month = row_at (rows, 2);
  before = stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0);
  year = stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_cmpint (sp_breakdown_row_get_cell (month)->amount, ==, before);

  /* 1,000.00 more, typed the way people type it. */
  text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", (before + 100000) / 100,
                          (int) ((before + 100000) % 100));
  g_assert_true (sp_breakdown_view_apply_text (view, month, text, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before + 100000);
  g_assert_cmpint (sp_breakdown_row_get_cell (month)->amount, ==, before + 100000);
  /* The other months made room: the year stays. */
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0), ==, year);

  undo ();
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
  g_assert_cmpint (sp_breakdown_row_get_cell (month)->amount, ==, before);

  /* Q1 as 30% of the year. */
  g_assert_true (sp_breakdown_view_apply_text (view, row_at (rows, 1), "30%", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==,
                   sp_money_apply_percent (year, 3000));
  undo ();
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);

  /* The first month as 10% of Q1: of Q1 as it is after the other months made room, so the
   * Share column reads what was typed. */
  g_assert_true (sp_breakdown_view_apply_text (view, month, "10%", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_breakdown_row_get_parent_amount (month), ==,
                   stored_amount (SP_BREAKDOWN_PERIOD_QUARTER, 0));
  g_assert_cmpint (sp_breakdown_row_get_cell (month)->amount, ==,
                   sp_money_apply_percent (stored_amount (SP_BREAKDOWN_PERIOD_QUARTER, 0), 1000));
  undo ();
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);

  /* The same through the cell itself: Enter starts editing, Enter again saves. */
  {
    GtkWidget *editable;

    show_section (GTK_WIDGET (view));
    sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
    editable = find_editable (GTK_WIDGET (view), month);
    g_assert_nonnull (editable);
    gtk_widget_grab_focus (editable);
    g_assert_true (gtk_widget_activate_action (editable, "editing.start", NULL));
    g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
    g_assert_true (gtk_widget_activate_action (editable, "editing.stop", "b", TRUE));
    /* Leaving the cell arms GTK 4.8's 100 ms stop-editing timeout: the grids wait it out
     * before they rebuild (see sp_breakdown_editable_settle_time()). */
    gtk_root_set_focus (GTK_ROOT (fixture.window), NULL);
    g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before + 100000);
    undo ();
    g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
    {
      g_autofree char *shown = sp_breakdown_format_amount (
        sp_preferences_get_currency (sp_window_get_preferences (fixture.window)), before,
        SP_MONEY_FORMAT_DEFAULT);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, shown);
    }
    /* A rebuild right after leaving a cell waits, then happens. */
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_REGION);
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
    sp_ui_spin (200);
    rows = sp_breakdown_view_get_rows (view);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 4 * 4);
    month = row_at (rows, 2);
  }

  /* Garbage is refused before it reaches the model. */
  g_assert_false (sp_breakdown_view_apply_text (view, month, "12x", &error));
  g_assert_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
}

/* With every other month locked, a month can only be what is left of the year: anything else
 * is refused, says by how much, and changes nothing. */
static void
test_refused (void)
{
  SpBreakdownView *view;
  GListModel *rows;
  SpBreakdownRow *month;
  gint64 months[12];
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cells = NULL;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  view = breakdown_view ();
  rows = sp_breakdown_view_get_rows (view);
  month = row_at (rows, 2);
  cells = sp_breakdown_get_cells (the_breakdown (), SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                  SP_BREAKDOWN_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 12);
  for (guint m = 1; m < 12; m++)
    {
      g_assert_true (sp_breakdown_set_locked (the_breakdown (),
                                              &g_array_index (cells, SpBreakdownCell, m), TRUE,
                                              &error));
      g_assert_no_error (error);
    }
  for (guint m = 0; m < 12; m++)
    months[m] = stored_amount (SP_BREAKDOWN_PERIOD_MONTH, m);

  g_assert_false (sp_breakdown_view_apply_text (view, month, "1", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SP_ALLOCATION_ERROR);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "nothing changed"));
  for (guint m = 0; m < 12; m++)
    g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, m), ==, months[m]);
  g_assert_cmpint (sp_breakdown_row_get_cell (month)->amount, ==, months[0]);

  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  sp_ui_screenshot (&fixture, GTK_WIDGET (fixture.window), "breakdown-locked", 1024, 768);

  for (guint m = 1; m < 12; m++)
    undo ();
  g_assert_false (sp_breakdown_row_get_cell (row_at (rows, 3))->locked);
}

static gint64
shown_units (SpBreakdownMatrix *matrix,
             gint64             member_id,
             guint              month)
{
  GtkWidget *cell = sp_breakdown_matrix_get_cell (matrix, member_id, month);
  g_autoptr(GString) digits = g_string_new (NULL);

  g_assert_nonnull (cell);
  for (const char *p = gtk_editable_get_text (GTK_EDITABLE (cell)); *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '-')
      g_string_append_c (digits, *p);
  return g_ascii_strtoll (digits->str, NULL, 10);
}

/* What the matrix shows adds up: every member's months to its year, every month's members to
 * the team's month, the team's months and the members' years to the team's year. */
static void
assert_matrix_adds_up (SpBreakdownMatrix *matrix,
                       GArray            *members)
{
  gint64 columns[13] = { 0 };
  gint64 years = 0;

  for (guint i = 0; i < members->len; i++)
    {
      gint64 id = g_array_index (members, gint64, i);
      gint64 row = 0;

      for (guint m = 0; m < 12; m++)
        {
          row += shown_units (matrix, id, m);
          columns[m] += shown_units (matrix, id, m);
        }
      g_assert_cmpint (row, ==, shown_units (matrix, id, 12));
      years += row;
    }
  for (guint m = 0; m < 12; m++)
    {
      g_assert_cmpint (columns[m], ==, shown_units (matrix, 0, m));
      columns[12] += columns[m];
    }
  g_assert_cmpint (columns[12], ==, shown_units (matrix, 0, 12));
  g_assert_cmpint (years, ==, shown_units (matrix, 0, 12));
}

/* The first tile value label under @widget (depth first), or NULL. */
static GtkWidget *
first_tile_value (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "sp-tile-value"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_tile_value (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Targets tiles show money by the charts' rule (compact, per locale), the exact amount
 * in the tooltip. */
static void
test_tiles_money (void)
{
  const SpCurrency *currency;
  GtkWidget *value;
  g_autofree char *compact = NULL;
  g_autofree char *exact = NULL;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  currency = sp_preferences_get_currency (sp_window_get_preferences (fixture.window));
  value = first_tile_value (GTK_WIDGET (fixture.window->targets_page));
  g_assert_nonnull (value);
  compact = sp_money_format (stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0), currency,
                             SP_MONEY_FORMAT_COMPACT);
  exact = sp_money_format (stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0), currency,
                           SP_MONEY_FORMAT_DEFAULT);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (value)), ==, compact);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (value), ==, exact);
}

/* An amount in a field the user edits and a count in a toast read as the previews show them:
 * grouped, the minor units only when there are any. */
static void
test_display_entry (void)
{
  const SpCurrency *cny = sp_currency_lookup ("CNY");
  g_autofree char *whole = sp_display_money_entry (18000000, cny);
  g_autofree char *cents = sp_display_money_entry (200050, cny);
  g_autofree char *count = sp_display_count (2000);
  gint64 back = 0;

  g_assert_cmpstr (whole, ==, "180,000");
  g_assert_cmpstr (cents, ==, "2,000.50");
  g_assert_cmpstr (count, ==, "2,000");
  g_assert_true (sp_money_parse (whole, cny, &back, NULL));
  g_assert_cmpint (back, ==, 18000000);

  /* The breakdown's amounts keep their cents when an edit makes one whole. */
  {
    g_autofree char *shown = sp_breakdown_format_amount (cny, 250000000,
                                                         SP_MONEY_FORMAT_DEFAULT);

    g_assert_cmpstr (shown, ==, "¥2,500,000.00");
  }
}

/* The matrix: a region's month edited in its cell, the totals kept, undo. */
static void
test_matrix (void)
{
  SpBreakdownMatrix *matrix;
  g_autoptr(GArray) regions = NULL;
  GtkWidget *cell;
  SpBreakdownCell before, after;
  g_autoptr(GError) error = NULL;
  gint64 team_month;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  matrix = breakdown_matrix ();
  g_assert_nonnull (matrix);
  show_section (GTK_WIDGET (matrix));
  regions = sp_breakdown_get_members (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION);
  g_assert_cmpuint (regions->len, >, 1);
  cell = sp_breakdown_matrix_get_cell (matrix, g_array_index (regions, gint64, 0), 0);
  g_assert_nonnull (cell);
  g_assert_nonnull (sp_breakdown_matrix_get_cell (matrix, 0, 12));
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION,
                                        g_array_index (regions, gint64, 0),
                                        SP_BREAKDOWN_PERIOD_MONTH, 0, &before, &error));
  team_month = stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0);
  assert_matrix_adds_up (matrix, regions);

  g_assert_true (sp_breakdown_matrix_apply_text (matrix, cell, "12,345", &error));
  g_assert_no_error (error);
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION,
                                        before.member_id, SP_BREAKDOWN_PERIOD_MONTH, 0, &after,
                                        &error));
  g_assert_cmpint (after.amount, ==, 1234500);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, team_month);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12,345");
  assert_matrix_adds_up (matrix, regions);
  sp_breakdown_matrix_set_dimension (matrix, SP_BREAKDOWN_DIMENSION_REP);
  {
    g_autoptr(GArray) reps = sp_breakdown_get_members (the_breakdown (),
                                                       SP_BREAKDOWN_DIMENSION_REP);

    assert_matrix_adds_up (matrix, reps);
  }
  sp_breakdown_matrix_set_dimension (matrix, SP_BREAKDOWN_DIMENSION_REGION);
  cell = sp_breakdown_matrix_get_cell (matrix, before.member_id, 0);

  undo ();
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION,
                                        before.member_id, SP_BREAKDOWN_PERIOD_MONTH, 0, &after,
                                        &error));
  g_assert_cmpint (after.amount, ==, before.amount);
}

static gboolean
has_focus (GtkWidget *editable)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture.window));

  return editable != NULL && focus != NULL
         && (focus == editable || gtk_widget_is_ancestor (focus, editable));
}

/* Waits until the target cell of the row at @position has the keyboard, and returns it. */
static GtkWidget *
wait_for_focus (SpBreakdownView *view,
                guint            position)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *editable = NULL;
  GtkSelectionModel *selection = gtk_column_view_get_model (view->column_view);

  while (g_get_monotonic_time () < deadline)
    {
      editable = _sp_breakdown_view_get_target (view, position);
      if (has_focus (editable))
        break;
      sp_ui_spin (20);
    }
  g_assert_true (has_focus (editable));
  g_assert_cmpuint (_sp_breakdown_view_get_cursor (view), ==, position);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  return editable;
}

static char *
shown_amount (gint64 amount)
{
  return sp_breakdown_format_amount (
    sp_preferences_get_currency (sp_window_get_preferences (fixture.window)), amount,
    SP_MONEY_FORMAT_DEFAULT);
}

/* The tree from the keyboard, through the functions its key handler calls: Up and Down move
 * between the targets, Enter edits, Enter and Tab commit and go down (Shift+Tab up) with the
 * rebalance shown at once in the same cells, Escape cancels, Ctrl+Z undoes. */
static void
test_keyboard (void)
{
  SpBreakdownView *view;
  GListModel *rows;
  GtkWidget *editable;
  gint64 before, next_before, year;
  guint n;
  g_autofree char *text = NULL;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  view = breakdown_view ();
  show_section (GTK_WIDGET (view));
  sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
  sp_ui_spin (200);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  rows = sp_breakdown_view_get_rows (view);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, 1 + 4 * 4);

  /* Up and Down, and nowhere to go beyond the ends. */
  g_assert_true (_sp_breakdown_view_focus_position (view, 0, FALSE));
  wait_for_focus (view, 0);
  g_assert_false (_sp_breakdown_view_move (view, -1));
  g_assert_true (_sp_breakdown_view_move (view, 1));
  wait_for_focus (view, 1);
  g_assert_true (_sp_breakdown_view_move (view, 1));
  editable = wait_for_focus (view, 2);
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  g_assert_true (_sp_breakdown_view_move (view, -1));
  wait_for_focus (view, 1);
  /* The last row, scrolled to if need be. */
  g_assert_true (_sp_breakdown_view_focus_position (view, n - 1, FALSE));
  wait_for_focus (view, n - 1);
  g_assert_false (_sp_breakdown_view_move (view, 1));

  /* Enter edits the first month; Enter again saves it and goes to the next month, whose new
   * amount (it made room) shows at once, in place. */
  before = stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0);
  next_before = stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 1);
  year = stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_true (_sp_breakdown_view_focus_position (view, 2, FALSE));
  editable = wait_for_focus (view, 2);
  g_assert_true (_sp_breakdown_view_start_editing (view));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  g_assert_true (has_focus (editable));
  text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", (before + 100000) / 100,
                          (int) ((before + 100000) % 100));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_assert_true (_sp_breakdown_view_commit_and_move (view, 1));
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before + 100000);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_YEAR, 0), ==, year);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 1), !=, next_before);
  g_assert_cmpint (sp_breakdown_row_get_cell (row_at (rows, 3))->amount, ==,
                   stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 1));
  g_assert_true (_sp_breakdown_view_get_target (view, 2) == editable);
  {
    g_autofree char *shown = shown_amount (before + 100000);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, shown);
  }
  editable = wait_for_focus (view, 3);
  {
    g_autofree char *shown = shown_amount (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 1));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, shown);
  }

  /* Shift+Tab goes back up; Ctrl+Z undoes the edit and the keyboard stays. */
  g_assert_true (_sp_breakdown_view_commit_and_move (view, -1));
  editable = wait_for_focus (view, 2);
  _sp_breakdown_view_undo (view);
  sp_ui_spin (20);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 1), ==, next_before);
  g_assert_cmpint (sp_breakdown_row_get_cell (row_at (rows, 3))->amount, ==, next_before);
  editable = wait_for_focus (view, 2);

  /* Escape drops what was typed. */
  g_assert_true (_sp_breakdown_view_start_editing (view));
  gtk_editable_set_text (GTK_EDITABLE (editable), "1");
  _sp_breakdown_view_cancel (view);
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
  {
    g_autofree char *shown = shown_amount (before);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, shown);
  }
  g_assert_true (has_focus (editable));

  /* Tab commits too (a share of the quarter here), and goes down. */
  g_assert_true (_sp_breakdown_view_focus_position (view, 1, TRUE));
  editable = wait_for_focus (view, 1);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  gtk_editable_set_text (GTK_EDITABLE (editable), "30%");
  g_assert_true (_sp_breakdown_view_commit_and_move (view, 1));
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==,
                   sp_money_apply_percent (year, 3000));
  wait_for_focus (view, 2);
  _sp_breakdown_view_undo (view);
  sp_ui_spin (20);
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
  wait_for_focus (view, 2);

  /* A refused edit stays on its cell. */
  g_assert_true (_sp_breakdown_view_start_editing (view));
  editable = _sp_breakdown_view_get_target (view, 2);
  gtk_editable_set_text (GTK_EDITABLE (editable), "12x");
  g_assert_false (_sp_breakdown_view_commit_and_move (view, 1));
  g_assert_cmpint (stored_amount (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, before);
  wait_for_focus (view, 2);
  sp_breakdown_toast_dismiss (GTK_WIDGET (fixture.window));
  gtk_root_set_focus (GTK_ROOT (fixture.window), NULL);
  sp_ui_spin (200);
}

static void
set_weight (GtkWidget *dialog,
            SpBreakdownDimension dimension,
            gint64     key,
            int        weight)
{
  GtkWidget *spin = sp_breakdown_generate_dialog_get_weight (SP_BREAKDOWN_GENERATE_DIALOG (dialog),
                                                             dimension, key);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight);
}

/* Custom weights typed in the dialog: the shares they make, the model's custom source, and
 * Generate refused while a custom set weighs nothing. */
static void
test_custom_weights (void)
{
  g_autoptr(GtkWidget) dialog = NULL;
  SpBreakdownGenerateDialog *generate;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) products = NULL;
  SpBreakdownCell month, region, product;
  g_autoptr(GError) error = NULL;
  gint64 target = plan_target (), expected;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  dialog = generate_dialog ();
  generate = SP_BREAKDOWN_GENERATE_DIALOG (dialog);
  g_assert_null (sp_breakdown_generate_dialog_get_weight (generate, SP_BREAKDOWN_DIMENSION_TEAM,
                                                          0));
  g_assert_false (sp_breakdown_generate_dialog_set_source (generate,
                                                           SP_BREAKDOWN_DIMENSION_PRODUCT,
                                                           SP_WEIGHT_SOURCE_HEADCOUNT));
  g_assert_true (sp_breakdown_generate_dialog_set_source (generate, SP_BREAKDOWN_DIMENSION_TEAM,
                                                          SP_WEIGHT_SOURCE_CUSTOM));
  g_assert_true (sp_breakdown_generate_dialog_set_source (generate,
                                                          SP_BREAKDOWN_DIMENSION_REGION,
                                                          SP_WEIGHT_SOURCE_CUSTOM));
  g_assert_true (sp_breakdown_generate_dialog_set_source (generate,
                                                          SP_BREAKDOWN_DIMENSION_PRODUCT,
                                                          SP_WEIGHT_SOURCE_CUSTOM));
  g_assert_cmpstr (sp_breakdown_generate_dialog_get_share (generate, SP_BREAKDOWN_DIMENSION_TEAM,
                                                           0), ==, "8.3%");
  set_weight (dialog, SP_BREAKDOWN_DIMENSION_TEAM, 0, 200);
  g_assert_cmpstr (sp_breakdown_generate_dialog_get_share (generate, SP_BREAKDOWN_DIMENSION_TEAM,
                                                           0), ==, "15.4%");
  g_assert_cmpstr (sp_breakdown_generate_dialog_get_share (generate, SP_BREAKDOWN_DIMENSION_TEAM,
                                                           11), ==, "7.7%");

  regions = sp_breakdown_list_members (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >, 1);
  products = sp_breakdown_list_members (the_breakdown (), SP_BREAKDOWN_DIMENSION_PRODUCT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, >, 1);

  /* Nothing to split by: Generate waits. */
  for (guint i = 0; i < regions->len; i++)
    set_weight (dialog, SP_BREAKDOWN_DIMENSION_REGION,
                g_array_index (regions, SpBreakdownMember, i).id, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "generate"));
  for (guint i = 1; i < regions->len; i++)
    set_weight (dialog, SP_BREAKDOWN_DIMENSION_REGION,
                g_array_index (regions, SpBreakdownMember, i).id, 100);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "generate"));
  g_assert_cmpstr (sp_breakdown_generate_dialog_get_share (
                     generate, SP_BREAKDOWN_DIMENSION_REGION,
                     g_array_index (regions, SpBreakdownMember, 0).id), ==, "0.0%");
  set_weight (dialog, SP_BREAKDOWN_DIMENSION_PRODUCT,
              g_array_index (products, SpBreakdownMember, 0).id, 300);

  g_assert_true (sp_breakdown_generate_dialog_generate (generate, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                        SP_BREAKDOWN_PERIOD_MONTH, 0, &month, &error));
  g_assert_no_error (error);
  expected = target * 200 / 1300;
  g_assert_cmpint (month.amount, >=, expected);
  g_assert_cmpint (month.amount, <=, expected + 1);
  g_assert_cmpint (month.weight_source, ==, SP_WEIGHT_SOURCE_CUSTOM);
  g_assert_cmpint (month.weight, ==, 200);
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_REGION,
                                        g_array_index (regions, SpBreakdownMember, 0).id,
                                        SP_BREAKDOWN_PERIOD_YEAR, 0, &region, &error));
  g_assert_cmpint (region.amount, ==, 0);
  g_assert_cmpint (region.weight_source, ==, SP_WEIGHT_SOURCE_CUSTOM);
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_PRODUCT,
                                        g_array_index (products, SpBreakdownMember, 0).id,
                                        SP_BREAKDOWN_PERIOD_YEAR, 0, &product, &error));
  g_assert_cmpint (product.weight, ==, 300);
  expected = target * 300 / (300 + 100 * (gint64) (products->len - 1));
  g_assert_cmpint (product.amount, >=, expected);
  g_assert_cmpint (product.amount, <=, expected + 1);

  /* Back to the breakdown the other tests expect. */
  undo ();
  g_assert_true (sp_breakdown_get_cell (the_breakdown (), SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                        SP_BREAKDOWN_PERIOD_MONTH, 0, &month, &error));
  g_assert_cmpint (month.weight_source, !=, SP_WEIGHT_SOURCE_CUSTOM);
  sp_ui_spin (200);
}

static void
shoot_both (const char *variant,
            int         width,
            int         height)
{
  g_autofree char *tree = g_strdup_printf ("breakdown-tree%s", variant);
  g_autofree char *regions = g_strdup_printf ("breakdown-regions%s", variant);
  g_autofree char *matrix = g_strdup_printf ("breakdown-matrix%s", variant);
  SpBreakdownView *view = breakdown_view ();

  show_section (GTK_WIDGET (view));
  sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
  sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), tree, width, height);
  sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_REGION);
  sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), regions, width, height);
  sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
  show_section (GTK_WIDGET (breakdown_matrix ()));
  sp_ui_shoot (&fixture, GTK_WIDGET (fixture.window), matrix, width, height);
}

/* The generate dialog, with the months' custom weights open. */
static void
shoot_dialog (const char *variant)
{
  g_autoptr(GtkWidget) dialog = NULL;
  g_autofree char *name = g_strdup_printf ("breakdown-generate-custom%s", variant);

  dialog = generate_dialog ();
  g_assert_true (sp_breakdown_generate_dialog_set_source (SP_BREAKDOWN_GENERATE_DIALOG (dialog),
                                                          SP_BREAKDOWN_DIMENSION_TEAM,
                                                          SP_WEIGHT_SOURCE_CUSTOM));
  gtk_window_present (GTK_WINDOW (dialog));
  sp_ui_shoot (&fixture, dialog, name, 0, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_ui_spin (50);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  window = GTK_WIDGET (fixture.window);
  sp_breakdown_toast_dismiss (window);
  sp_ui_fixture_resize (&fixture, 1280, 800);
  shoot_both ("", 1280, 800);
  sp_ui_fixture_resize (&fixture, 1024, 768);
  shoot_both ("", 1024, 768);

  /* Reps under their regions' names, and a month opened on its weeks. */
  {
    SpBreakdownView *view = breakdown_view ();
    g_autoptr(GtkTreeListRow) month = NULL;

    show_section (GTK_WIDGET (view));
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_REP);
    sp_ui_shoot (&fixture, window, "breakdown-reps", 1024, 768);
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
    month = g_list_model_get_item (sp_breakdown_view_get_rows (view), 2);
    gtk_tree_list_row_set_expanded (month, TRUE);
    sp_ui_shoot (&fixture, window, "breakdown-weeks", 1024, 768);
    gtk_tree_list_row_set_expanded (month, FALSE);
  }

  /* Products by their names. */
  {
    SpBreakdownView *view = breakdown_view ();

    show_section (GTK_WIDGET (view));
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_PRODUCT);
    sp_ui_shoot (&fixture, window, "breakdown-products", 1024, 768);
    sp_breakdown_matrix_set_dimension (breakdown_matrix (), SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE);
    show_section (GTK_WIDGET (breakdown_matrix ()));
    sp_ui_shoot (&fixture, window, "breakdown-matrix-customer-types", 1024, 768);
    sp_breakdown_matrix_set_dimension (breakdown_matrix (), SP_BREAKDOWN_DIMENSION_REGION);
    sp_breakdown_view_set_dimension (view, SP_BREAKDOWN_DIMENSION_TEAM);
  }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_both ("-dark", 1024, 768);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  sp_ui_fixture_resize (&fixture, 1024, 768);
  shoot_both ("-presentation", 1024, 768);
  /* The dialogs last: once a dialog with spin buttons was up, the window no longer paints
   * after a change of mode under Xvfb (no window manager). */
  shoot_dialog ("-presentation");
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  shoot_dialog ("");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_dialog ("-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-bd-ui-XXXXXX", TRUE);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  /* In this order: each starts from where the one before left the breakdown. */
  g_test_add_func ("/breakdown-ui/generate-and-tree", test_generate_and_tree);
  g_test_add_func ("/breakdown-ui/display-entry", test_display_entry);
  g_test_add_func ("/breakdown-ui/tiles-money", test_tiles_money);
  g_test_add_func ("/breakdown-ui/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/breakdown-ui/refused", test_refused);
  g_test_add_func ("/breakdown-ui/matrix", test_matrix);
  g_test_add_func ("/breakdown-ui/keyboard", test_keyboard);
  g_test_add_func ("/breakdown-ui/custom-weights", test_custom_weights);
  g_test_add_func ("/breakdown-ui/screenshots", test_screenshots);

  return sp_ui_test_run (&fixture, setup);
}
