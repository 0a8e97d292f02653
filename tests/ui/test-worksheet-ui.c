/* test-worksheet-ui.c — the Targets view's worksheet on the demo workspace: the proposal, the
 * commitments and the gap as the model formats them, edits through the entries and undo, a
 * refused value, the OGSMT lists, and screenshots for people to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-worksheet-ui"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-window-private.h"
#include "sp-worksheet-page-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

/* Another view's minimum size may keep the window wider than asked: then the pictures say so
 * in their names. */
static void
wait_for_frames (GtkWidget *widget,
                 int        width,
                 int        height)
{
  sp_ui_wait_for_size (widget, width, height, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (sp_ui_wait_for_paint (widget), >=, 3);
}

static void
screenshot (GtkWidget  *widget,
            const char *name,
            int         shot_width,
            int         shot_height)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (ABS (width - shot_width) > 16 || ABS (height - shot_height) > 16)
    {
      g_test_message ("the window is %dx%d, not %dx%d", width, height, shot_width, shot_height);
      shot_width = width;
      shot_height = height;
    }
  sp_ui_screenshot (&fixture, widget, name, shot_width, shot_height);
}

static void
resize (int width,
        int height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, height);
  wait_for_frames (GTK_WIDGET (fixture.window), width, height);
}

static SpWorksheetPage *
page (void)
{
  GtkWidget *found = sp_ui_find_widget (GTK_WIDGET (fixture.window->targets_page),
                                  SP_TYPE_WORKSHEET_PAGE);

  g_assert_nonnull (found);
  return SP_WORKSHEET_PAGE (found);
}

static void
show_worksheet (void)
{
  GtkWidget *widget = GTK_WIDGET (page ());

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("targets"));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (widget)), widget);
  /* The page reads the workspace when it is shown. */
  for (guint i = 0; i < 500 && !gtk_widget_get_mapped (widget); i++)
    sp_ui_spin (10);
  g_assert_true (gtk_widget_get_mapped (widget));
}

/* A fresh snapshot straight from the store, not the page's. */
static SpWorksheet *
load_worksheet (void)
{
  g_autoptr(GError) error = NULL;
  SpWorksheet *ws = sp_worksheet_load (fixture.store, page ()->plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static const SpCurrency *
currency (void)
{
  return sp_preferences_get_currency (sp_window_get_preferences (fixture.window));
}

static char *
money (gint64 amount)
{
  return sp_money_format (amount, currency (), SP_MONEY_FORMAT_DEFAULT);
}

/* "+¥1.00" above the target, "-¥1.00" below. */
static char *
signed_money (gint64 amount)
{
  g_autofree char *text = money (amount);

  return amount > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

/* The pages show an edit once the workspace has emitted its change (before the next frame). */
static void
flush (void)
{
  sp_workspace_flush (sp_window_get_workspace (fixture.window));
}

static void
undo (void)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  g_assert_true (sp_workspace_flush (sp_window_get_workspace (fixture.window)));
  sp_ui_spin (20);
}

static void
type_into (Field      *f,
           const char *text)
{
  gtk_widget_grab_focus (f->widget);
  gtk_editable_set_text (GTK_EDITABLE (f->widget), text);
  g_signal_emit_by_name (f->widget, "activate");
  sp_ui_spin (10);
}

/* Every figure the page shows is the model's, formatted the one way. */
static void
assert_labels (SpWorksheet *ws)
{
  SpWorksheetPage *p = page ();
  g_autofree char *proposed = money (sp_worksheet_get_proposed (ws));
  g_autofree char *committed = money (sp_worksheet_get_committed (ws));
  g_autofree char *target = money (sp_worksheet_get_target (ws));
  g_autofree char *gap = signed_money (-sp_worksheet_get_gap (ws));
  g_autofree char *basis = money (sp_worksheet_get_basis (ws));

  g_assert_cmpstr (gtk_label_get_label (p->proposed_label), ==, proposed);
  g_assert_cmpstr (gtk_label_get_label (p->total_committed), ==, committed);
  g_assert_cmpstr (gtk_label_get_label (p->total_target), ==, target);
  g_assert_cmpstr (gtk_label_get_label (p->total_gap), ==, gap);
  g_assert_cmpstr (gtk_label_get_label (p->basis_label), ==, basis);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (p->total_gap),
                                           sp_worksheet_get_gap (ws) > 0 ? "error" : "success"));

  g_assert_cmpuint (p->region_rows->len, ==, sp_worksheet_get_n_region_sums (ws));
  for (guint i = 0; i < p->region_rows->len; i++)
    {
      const SpWorksheetRegionSum *sum = sp_worksheet_get_region_sum (ws, i);
      RegionRow *row = &g_array_index (p->region_rows, RegionRow, i);
      g_autofree char *region_gap = signed_money (-sum->gap);

      if (sum->gap != 0)
        g_assert_nonnull (strstr (gtk_label_get_label (row->gap), region_gap));
    }
}

static void
test_shown (void)
{
  g_autoptr(SpWorksheet) ws = NULL;
  SpWorksheetPage *p;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  show_worksheet ();
  resize (1024, 768);
  p = page ();
  g_assert_cmpint (p->plan_id, !=, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->stack), ==, "content");
  ws = load_worksheet ();
  /* The demo fills every part of the worksheet. */
  g_assert_cmpuint (sp_worksheet_get_n_commitments (ws), >, 0);
  g_assert_cmpint (sp_worksheet_get_committed (ws), >, 0);
  g_assert_cmpuint (sp_worksheet_get_n_ogsmt (ws), >, 0);
  assert_labels (ws);
  g_assert_cmpuint (p->commit_fields->len, ==, sp_worksheet_get_n_commitments (ws));
  for (guint i = 0; i < p->commit_fields->len; i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (ws, i);
      Field *f = g_ptr_array_index (p->commit_fields, i);
      g_autofree char *text = c->has_commitment
        ? sp_money_format (c->amount, currency (), SP_MONEY_FORMAT_NO_SYMBOL) : g_strdup ("");

      g_assert_cmpint (f->id, ==, c->rep_id);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, text);
    }
}

/* Growth typed and Enter, a commitment typed and Enter: the model has them, the labels follow;
 * undo takes each back. */
static void
test_edit_and_undo (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) grown = NULL;
  g_autoptr(SpWorksheet) committed = NULL;
  g_autoptr(SpWorksheet) undone = NULL;
  SpWorksheetPage *p;
  Field *first;
  const SpWorksheetCommitment *c;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (before), !=, 1250);

  type_into (p->growth, "12.5%");
  grown = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (grown), ==, 1250);
  g_assert_cmpint (sp_worksheet_get_growth_effect (grown), ==,
                   sp_money_apply_percent (sp_worksheet_get_basis (grown), 1250));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "12.5");
  g_assert_null (p->growth->message);
  assert_labels (grown);

  first = g_ptr_array_index (p->commit_fields, 0);
  type_into (first, "1,234,567.89");
  committed = load_worksheet ();
  c = sp_worksheet_get_commitment (committed, 0);
  g_assert_true (c->has_commitment);
  g_assert_cmpint (c->amount, ==, 123456789);
  g_assert_cmpint (sp_worksheet_get_committed (committed), ==,
                   sp_worksheet_get_committed (grown)
                   - sp_worksheet_get_commitment (grown, 0)->amount + 123456789);
  assert_labels (committed);

  undo ();
  undone = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_committed (undone), ==, sp_worksheet_get_committed (grown));
  assert_labels (undone);
  g_clear_pointer (&undone, sp_worksheet_unref);

  undo ();
  undone = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (undone), ==, sp_worksheet_get_growth_bp (before));
  g_assert_cmpint (sp_worksheet_get_proposed (undone), ==, sp_worksheet_get_proposed (before));
  assert_labels (undone);
  {
    g_autofree char *growth = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (before));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, growth);
  }
}

/* Text the parser or the model refuses stays, marked, and nothing changes. */
static void
test_refused (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) after = NULL;
  g_autofree char *growth = NULL;
  SpWorksheetPage *p;
  gboolean could_undo;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  could_undo = sp_store_can_undo (fixture.store);
  growth = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (before));

  type_into (p->growth, "abc");
  g_assert_nonnull (p->growth->message);
  g_assert_true (gtk_widget_has_css_class (p->growth->widget, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "abc");
  /* Out of the model's range: its own message. */
  type_into (p->growth, "-150");
  g_assert_nonnull (p->growth->message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "-150");
  after = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (after), ==, sp_worksheet_get_growth_bp (before));
  g_assert_cmpint (sp_store_can_undo (fixture.store), ==, could_undo);

  /* Back to a good value: the mark goes. */
  type_into (p->growth, growth);
  g_assert_null (p->growth->message);
  g_assert_false (gtk_widget_has_css_class (p->growth->widget, "error"));

  /* A commitment that is not money; then its own text again. */
  {
    Field *f = g_ptr_array_index (p->commit_fields, 1);
    g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget)));

    type_into (f, "12x");
    g_assert_nonnull (f->message);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, "12x");
    type_into (f, shown);
    g_assert_null (f->message);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, shown);
  }
}

static guint
n_of_kind (SpWorksheet *ws,
           SpOgsmtKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (ws); i++)
    n += sp_worksheet_get_ogsmt (ws, i)->kind == kind;
  return n;
}

/* A goal added from its entry, moved up with its button, given an amount, removed; undo. */
static void
test_ogsmt (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) after = NULL;
  SpWorksheetPage *p;
  GtkWidget *add_entry;
  GArray *rows;
  guint n;
  OgsmtRow *last;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  n = n_of_kind (before, SP_OGSMT_GOAL);
  rows = p->ogsmt_rows[SP_OGSMT_GOAL];
  g_assert_cmpuint (rows->len, ==, n);

  add_entry = p->ogsmt_add_entries[SP_OGSMT_GOAL];
  gtk_editable_set_text (GTK_EDITABLE (add_entry), "Win 3 strategic accounts");
  g_signal_emit_by_name (add_entry, "activate");
  flush ();
  after = load_worksheet ();
  g_assert_cmpuint (n_of_kind (after, SP_OGSMT_GOAL), ==, n + 1);
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_entry)), ==, "");
  last = &g_array_index (rows, OgsmtRow, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last->text->widget)), ==,
                   "Win 3 strategic accounts");
  g_assert_false (gtk_widget_get_sensitive (last->down));

  type_into (last->value, "300000");
  g_clear_pointer (&after, sp_worksheet_unref);
  after = load_worksheet ();
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (after); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (after, i);

      if (g_str_equal (item->text, "Win 3 strategic accounts"))
        {
          g_assert_true (item->has_target);
          g_assert_cmpint (item->target_value, ==, 300000 * 100);
          g_assert_cmpint (item->position, ==, (int) n);
        }
    }

  if (n > 0)
    {
      gint64 id = g_array_index (rows, OgsmtRow, n).id;

      g_signal_emit_by_name (g_array_index (rows, OgsmtRow, n).up, "clicked");
      flush ();
      g_assert_cmpint (g_array_index (rows, OgsmtRow, n - 1).id, ==, id);
      undo ();
      g_assert_cmpint (g_array_index (rows, OgsmtRow, n).id, ==, id);
    }

  g_signal_emit_by_name (g_array_index (rows, OgsmtRow, n).remove, "clicked");
  flush ();
  g_assert_cmpuint (rows->len, ==, n);
  undo ();
  g_assert_cmpuint (rows->len, ==, n + 1);
  undo ();
  undo ();
  g_assert_cmpuint (rows->len, ==, n);
}

static void
scroll_to (GtkWidget *widget)
{
  SpWorksheetPage *p = page ();
  GtkWidget *content = gtk_scrolled_window_get_child (p->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (p->scroller);
  double x = 0, y = 0;

  if (widget != NULL)
    g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  /* The viewport's coordinates move with the scrolling. */
  gtk_adjustment_set_value (adjustment,
                            widget ? MAX (0, gtk_adjustment_get_value (adjustment) + y - 12) : 0);
}

static void
shoot_parts (const char *variant,
             int         width,
             int         height)
{
  SpWorksheetPage *p = page ();
  struct { const char *name; GtkWidget *widget; } parts[] = {
    { "worksheet-basis", NULL },
    { "worksheet-bases", GTK_WIDGET (p->bases_grid) },
    { "worksheet-proposal", GTK_WIDGET (p->calc_grid) },
    { "worksheet-commitments", GTK_WIDGET (p->commit_list) },
    { "worksheet-ogsmt", GTK_WIDGET (p->ogsmt_box) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%s", parts[i].name, variant);

      scroll_to (parts[i].widget ? gtk_widget_get_parent (parts[i].widget) : NULL);
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      scroll_to (parts[i].widget ? gtk_widget_get_parent (parts[i].widget) : NULL);
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      screenshot (GTK_WIDGET (fixture.window), name, width, height);
    }
  scroll_to (NULL);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window;
  SpWorksheetPage *p;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  window = GTK_WIDGET (fixture.window);
  show_worksheet ();
  p = page ();
  /* The first region open on its reps, as a manager would show them. */
  if (p->region_rows->len > 0)
    adw_expander_row_set_expanded (g_array_index (p->region_rows, RegionRow, 0).row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (p->stack));
  _sp_worksheet_page_dismiss_toast (p);

  resize (1280, 800);
  shoot_parts ("", 1280, 800);
  resize (1024, 768);
  shoot_parts ("", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_parts ("-dark", 1024, 768);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  resize (1024, 768);
  shoot_parts ("-presentation", 1024, 768);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-ws-ui-XXXXXX", TRUE);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/worksheet-ui/shown", test_shown);
  g_test_add_func ("/worksheet-ui/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/worksheet-ui/refused", test_refused);
  g_test_add_func ("/worksheet-ui/ogsmt", test_ogsmt);
  g_test_add_func ("/worksheet-ui/screenshots", test_screenshots);

  return sp_ui_test_run (&fixture, setup);
}
