/* sp-targets-page.c — the Targets view: the selected plan's three tiers against last year,
 * the workspace's plans, regions and reps, read through the model and refreshed on change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-targets-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-breakdown-matrix.h"
#include "sp-breakdown-view.h"
#include "sp-display.h"
#include "sp-key-figures.h"
#include "sp-new-plan-dialog.h"
#include "sp-targets-page.h"
#include "sp-worksheet-page.h"

typedef enum
{
  COL_PLAN_YEAR,
  COL_PLAN_TEAM,
  COL_PLAN_TARGET,
  COL_PLAN_SPRINT,
  COL_PLAN_CHALLENGE,
  COL_PLAN_LAST_YEAR,
  COL_PLAN_GROWTH,
  COL_REGION_NAME,
  COL_REGION_REPS,
  COL_REP_NAME,
  COL_REP_REGION,
  COL_REP_HIRED,
} Column;

struct _SpTargetsPage
{
  SpPage              parent_instance;

  GtkSingleSelection *plans;
  GtkNoSelection     *regions;
  GtkNoSelection     *reps;
  gint64              selected_plan_id;
  SpBreakdown        *breakdown;        /* of the selected plan */

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_buttons;
  GtkLabel           *plan_title;
  GtkLabel           *plan_subtitle;
  SpKeyFigures       *tiles;
  GtkWidget          *plans_section;
  GtkColumnView      *plans_view;
  GtkColumnView      *regions_view;
  GtkColumnView      *reps_view;
  GtkLabel           *regions_heading;
  GtkLabel           *reps_heading;
  GtkStack           *section_stack;
  SpBreakdownView    *breakdown_view;
  SpBreakdownMatrix  *breakdown_matrix;
  SpWorksheetPage    *worksheet_page;
};

G_DEFINE_FINAL_TYPE (SpTargetsPage, sp_targets_page, SP_TYPE_PAGE)

static SpPreferences *
get_preferences (SpTargetsPage *self)
{
  return sp_page_get_preferences (SP_PAGE (self));
}

static char *
format_money (SpTargetsPage *self,
              gint64         amount)
{
  return sp_money_format (amount, sp_preferences_get_currency (get_preferences (self)),
                          SP_MONEY_FORMAT_DEFAULT);
}

/* Key figures as the charts show money (sp_chart_format_money): the locale's compact rule,
 * "¥40.3M" / "¥4,026万"; the exact amount is the value's tooltip. */
static char *
format_money_short (SpTargetsPage *self,
                    gint64         amount)
{
  return sp_money_format (amount, sp_preferences_get_currency (get_preferences (self)),
                          SP_MONEY_FORMAT_COMPACT);
}

static const char *
plan_team (SpPlan *plan)
{
  const char *team = sp_plan_get_team (plan);

  return team && team[0] ? team : NULL;
}

static char *
column_text (SpTargetsPage *self,
             Column         column,
             gpointer       item)
{
  switch (column)
    {
    case COL_PLAN_YEAR:
      return sp_display_fiscal_year (sp_plan_get_fiscal_year (item));
    case COL_PLAN_TEAM:
      return g_strdup (plan_team (item) ? plan_team (item) : _("Everyone"));
    case COL_PLAN_TARGET:
      return format_money (self, sp_plan_get_target (item));
    case COL_PLAN_SPRINT:
      return format_money (self, sp_plan_get_sprint (item));
    case COL_PLAN_CHALLENGE:
      return format_money (self, sp_plan_get_challenge (item));
    case COL_PLAN_LAST_YEAR:
      if (sp_plan_get_last_year_actual (item) == 0)
        return g_strdup ("—");
      return format_money (self, sp_plan_get_last_year_actual (item));
    case COL_PLAN_GROWTH:
      {
        char *growth = sp_display_change (sp_plan_get_target (item),
                                      sp_plan_get_last_year_actual (item));
        return growth ? growth : g_strdup ("—");
      }
    case COL_REGION_NAME:
      return g_strdup (sp_region_get_name (item));
    case COL_REGION_REPS:
      return g_strdup_printf ("%u", sp_region_get_rep_count (item));
    case COL_REP_NAME:
      return g_strdup (sp_rep_get_name (item));
    case COL_REP_REGION:
      return g_strdup (sp_rep_get_region_name (item));
    case COL_REP_HIRED:
      return sp_display_iso_date (sp_rep_get_hired_on (item));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_numeric (Column column)
{
  switch (column)
    {
    case COL_PLAN_TARGET:
    case COL_PLAN_SPRINT:
    case COL_PLAN_CHALLENGE:
    case COL_PLAN_LAST_YEAR:
    case COL_PLAN_GROWTH:
    case COL_REGION_REPS:
      return TRUE;
    case COL_PLAN_YEAR:
    case COL_PLAN_TEAM:
    case COL_REGION_NAME:
    case COL_REP_NAME:
    case COL_REP_REGION:
    case COL_REP_HIRED:
    default:
      return FALSE;
    }
}

/* Each column's factory knows its page and column. */
typedef struct
{
  SpTargetsPage *page;
  Column         column;
} ColumnFactory;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnFactory            *cf)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (column_is_numeric (cf->column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      /* Names may be cut; amounts never are (the table scrolls sideways instead). */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnFactory            *cf)
{
  g_autofree char *text = column_text (cf->page, cf->column, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

typedef struct
{
  Column      column;
  const char *title;
  gboolean    expand;
} ColumnInfo;

static const ColumnInfo plan_columns[] = {
  { COL_PLAN_YEAR, N_("Fiscal Year"), FALSE },
  { COL_PLAN_TEAM, N_("Team"), TRUE },
  { COL_PLAN_TARGET, N_("Target"), FALSE },
  { COL_PLAN_SPRINT, N_("Sprint"), FALSE },
  { COL_PLAN_CHALLENGE, N_("Challenge"), FALSE },
  { COL_PLAN_LAST_YEAR, N_("Last Year"), FALSE },
  { COL_PLAN_GROWTH, N_("Growth"), FALSE },
};

static const ColumnInfo region_columns[] = {
  { COL_REGION_NAME, N_("Region"), TRUE },
  { COL_REGION_REPS, N_("Reps"), FALSE },
};

static const ColumnInfo rep_columns[] = {
  { COL_REP_NAME, N_("Name"), TRUE },
  { COL_REP_REGION, N_("Region"), TRUE },
  { COL_REP_HIRED, N_("Hired"), FALSE },
};

static void
add_column (SpTargetsPage *self,
            GtkColumnView *view,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  ColumnFactory *cf = g_new0 (ColumnFactory, 1);

  /* The factory belongs to one of the page's column views: it goes before the page. */
  cf->page = self;
  cf->column = column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell_cb), cf,
                         (GClosureNotify) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), cf);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
}

/* GTK 4.8 has no API to align a column's title: reach the title's label, if it is where
 * GTK 4.8 puts it, so that amounts and their titles line up on the right. */
static void
align_numeric_titles (GtkColumnView    *view,
                      const ColumnInfo *columns,
                      guint             n_columns)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  guint i = 0;

  if (header == NULL)
    return;

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL && i < n_columns;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box ? gtk_widget_get_first_child (box) : NULL;

      if (GTK_IS_LABEL (label) && column_is_numeric (columns[i].column))
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
        }
    }
}

static void
add_columns (SpTargetsPage    *self,
             GtkColumnView    *view,
             const ColumnInfo *columns,
             guint             n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    add_column (self, view, columns[i].column, _(columns[i].title), columns[i].expand);
  align_numeric_titles (view, columns, n_columns);
}

static GtkWidget *
create_tile (const char *caption,
             const char *value,
             const char *exact,
             const char *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "sp-tile");

  label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "sp-tile-caption");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "sp-tile-value");
  gtk_widget_add_css_class (label, "numeric");
  if (exact != NULL && g_strcmp0 (exact, value) != 0)
    gtk_widget_set_tooltip_text (label, exact);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (note);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "sp-tile-note");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
append_tile (SpTargetsPage *self,
             const char    *caption,
             gint64         amount,
             gboolean       known,
             const char    *note)
{
  g_autofree char *value = known ? format_money_short (self, amount) : g_strdup ("—");
  g_autofree char *exact = known ? format_money (self, amount) : NULL;

  sp_key_figures_append (self->tiles, create_tile (caption, value, exact, note ? note : ""));
}

static char *
tier_note (gint64 tier,
           gint64 target)
{
  g_autofree char *growth = sp_display_change (tier, target);

  if (growth == NULL)
    return g_strdup ("");
  /* Translators: %s is a percentage such as +10.0% */
  return g_strdup_printf (_("%s over the target"), growth);
}

/* The plan's heading and its four key figures. */
static void
show_plan (SpTargetsPage *self,
           SpPlan        *plan,
           const char    *counts)
{
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (get_preferences (self));
  int fiscal_year = sp_plan_get_fiscal_year (plan);
  gint64 target = sp_plan_get_target (plan);
  gint64 last_actual = sp_plan_get_last_year_actual (plan);
  g_autofree char *year = sp_display_fiscal_year (fiscal_year);
  g_autofree char *last_year = sp_display_fiscal_year (fiscal_year - 1);
  g_autofree char *title = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *growth_note = NULL;
  g_autofree char *actual_note = NULL;
  g_autofree char *sprint_note = tier_note (sp_plan_get_sprint (plan), target);
  g_autofree char *challenge_note = tier_note (sp_plan_get_challenge (plan), target);
  GDate first, end;

  sp_calendar_fiscal_year_range (calendar, fiscal_year, &first, &end);
  first_text = sp_display_date (&first);
  last_text = sp_display_date (&end);

  if (plan_team (plan) != NULL)
    /* Translators: plan heading, e.g. "FY2026 · East Team" */
    title = g_strdup_printf (_("%s · %s"), year, plan_team (plan));
  else
    /* Translators: plan heading for the whole team, e.g. "FY2026 Plan" */
    title = g_strdup_printf (_("%s Plan"), year);
  /* Translators: "1 Jan 2026 – 31 Dec 2026 · 12 reps in 3 regions" */
  subtitle = g_strdup_printf (_("%s – %s · %s"), first_text, last_text, counts);
  gtk_label_set_label (self->plan_title, title);
  gtk_label_set_label (self->plan_subtitle, subtitle);

  growth = sp_display_change (target, last_actual);
  /* Translators: %s is a percentage such as +11.1% */
  growth_note = growth ? g_strdup_printf (_("%s on last year"), growth)
                       : g_strdup (_("No history for last year"));
  /* Translators: %s is a fiscal year such as FY2025 */
  actual_note = g_strdup_printf (_("Actual orders, %s"), last_year);

  sp_key_figures_remove_all (self->tiles);
  append_tile (self, _("Target"), target, TRUE, growth_note);
  append_tile (self, _("Sprint"), sp_plan_get_sprint (plan), TRUE, sprint_note);
  append_tile (self, _("Challenge"), sp_plan_get_challenge (plan), TRUE, challenge_note);
  append_tile (self, _("Last Year"), last_actual, last_actual != 0, actual_note);
}

/* The breakdown follows the selected plan; it reloads itself on store changes. It is read
 * only while the Breakdown or Matrix section is shown: the Overview must appear at once, even
 * on a workspace of 500 reps. */
static gboolean
breakdown_shown (SpTargetsPage *self)
{
  const char *section = gtk_stack_get_visible_child_name (self->section_stack);

  return g_strcmp0 (section, "breakdown") == 0 || g_strcmp0 (section, "matrix") == 0;
}

static void
update_breakdown (SpTargetsPage *self)
{
  g_autoptr(GError) error = NULL;

  SpWorkspace *workspace = sp_page_get_workspace (SP_PAGE (self));

  sp_worksheet_page_set_plan (self->worksheet_page, self->selected_plan_id);
  if (!breakdown_shown (self) && self->breakdown == NULL)
    return;

  if (workspace == NULL || self->selected_plan_id == 0)
    g_clear_object (&self->breakdown);
  else if (self->breakdown == NULL
           || sp_breakdown_get_plan_id (self->breakdown) != self->selected_plan_id)
    {
      g_clear_object (&self->breakdown);
      self->breakdown = sp_breakdown_new (sp_workspace_get_store (workspace),
                                          self->selected_plan_id, &error);
      if (self->breakdown == NULL)
        g_warning ("Cannot read the breakdown of plan %" G_GINT64_FORMAT ": %s",
                   self->selected_plan_id, error->message);
    }

  sp_breakdown_view_set_breakdown (self->breakdown_view, workspace, self->breakdown);
  sp_breakdown_matrix_set_breakdown (self->breakdown_matrix, workspace, self->breakdown);
}

static void
update_summary (SpTargetsPage *self)
{
  SpPlan *plan = gtk_single_selection_get_selected_item (self->plans);
  guint n_reps = g_list_model_get_n_items (G_LIST_MODEL (self->reps));
  guint n_regions = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  g_autofree char *regions = NULL;
  g_autofree char *counts = NULL;

  /* Translators: the second part of "12 reps in 3 regions" */
  regions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region", "%u regions", n_regions),
                             n_regions);
  /* Translators: e.g. "12 reps in 3 regions"; %u is the number of reps, %s is "3 regions" */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep in %s", "%u reps in %s", n_reps),
                            n_reps, regions);

  if (plan != NULL)
    show_plan (self, plan, counts);
  else
    {
      gtk_label_set_label (self->plan_title, _("No Plan Yet"));
      gtk_label_set_label (self->plan_subtitle, counts);
    }

  update_breakdown (self);
  gtk_widget_set_visible (GTK_WIDGET (self->tiles), plan != NULL);
  gtk_widget_set_visible (self->plans_section, plan != NULL);
}

static void
update_headings (SpTargetsPage *self)
{
  guint n_regions = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  guint n_reps = g_list_model_get_n_items (G_LIST_MODEL (self->reps));
  g_autofree char *regions = NULL;
  g_autofree char *reps = NULL;

  /* Translators: a section heading with a count, e.g. "Regions (3)" */
  regions = g_strdup_printf (_("Regions (%u)"), n_regions);
  /* Translators: a section heading with a count, e.g. "Sales Reps (12)" */
  reps = g_strdup_printf (_("Sales Reps (%u)"), n_reps);
  gtk_label_set_label (self->regions_heading, regions);
  gtk_label_set_label (self->reps_heading, reps);
}

static void
show_error (SpTargetsPage *self,
            const GError  *error)
{
  adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->empty_page, _("Cannot Read the Workspace"));
  adw_status_page_set_description (self->empty_page, error->message);
  gtk_widget_set_visible (self->empty_buttons, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
sp_targets_page_refresh (SpPage *page)
{
  SpTargetsPage *self = SP_TARGETS_PAGE (page);
  SpStore *store = sp_page_get_store (page);
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  guint n_plans, selected = GTK_INVALID_LIST_POSITION;

  if (!(plans = sp_plan_list (store, &error))
      || !(regions = sp_region_list (store, &error))
      || !(reps = sp_rep_list (store, 0, &error)))
    {
      show_error (self, error);
      return;
    }

  n_plans = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n_plans && self->selected_plan_id != 0; i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);

      if (sp_plan_get_id (plan) == self->selected_plan_id)
        selected = i;
    }

  gtk_no_selection_set_model (self->regions, regions);
  gtk_no_selection_set_model (self->reps, reps);
  gtk_single_selection_set_model (self->plans, plans);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->plans, selected);

  update_headings (self);
  update_summary (self);

  adw_status_page_set_icon_name (self->empty_page, "sp-targets-symbolic");
  adw_status_page_set_title (self->empty_page, _("Set This Year’s Target"));
  adw_status_page_set_description (self->empty_page,
    _("Create the plan for this fiscal year, or import a workspace exported from Sales "
      "Planner to start from last year’s results."));
  gtk_widget_set_visible (self->empty_buttons, TRUE);

  if (n_plans == 0 && g_list_model_get_n_items (regions) == 0
      && g_list_model_get_n_items (reps) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
selected_plan_changed_cb (SpTargetsPage *self)
{
  SpPlan *plan = gtk_single_selection_get_selected_item (self->plans);

  self->selected_plan_id = plan ? sp_plan_get_id (plan) : 0;
  update_summary (self);
}

static void
new_plan_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpTargetsPage *self = SP_TARGETS_PAGE (widget);
  GtkWidget *dialog;

  if (get_preferences (self) == NULL)
    return;

  dialog = sp_new_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   get_preferences (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sp_targets_page_dispose (GObject *object)
{
  SpTargetsPage *self = SP_TARGETS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_TARGETS_PAGE);
  g_clear_object (&self->plans);
  g_clear_object (&self->regions);
  g_clear_object (&self->reps);
  g_clear_object (&self->breakdown);

  G_OBJECT_CLASS (sp_targets_page_parent_class)->dispose (object);
}

/* The Worksheet is a section shown in turn with the others: a page of its own that follows
 * the workspace while shown. */
static void
sp_targets_page_workspace_set (SpPage      *page,
                               SpWorkspace *workspace)
{
  SpTargetsPage *self = SP_TARGETS_PAGE (page);

  sp_page_set_workspace (SP_PAGE (self->worksheet_page), workspace);
}

static void
sp_targets_page_class_init (SpTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_targets_page_dispose;
  SP_PAGE_CLASS (klass)->workspace_set = sp_targets_page_workspace_set;
  SP_PAGE_CLASS (klass)->refresh = sp_targets_page_refresh;

  g_type_ensure (SP_TYPE_KEY_FIGURES);
  g_type_ensure (SP_TYPE_BREAKDOWN_VIEW);
  g_type_ensure (SP_TYPE_BREAKDOWN_MATRIX);
  g_type_ensure (SP_TYPE_WORKSHEET_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, plan_title);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, plan_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, plans_section);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, plans_view);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, regions_view);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, reps_view);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, regions_heading);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, reps_heading);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, breakdown_view);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, breakdown_matrix);
  gtk_widget_class_bind_template_child (widget_class, SpTargetsPage, worksheet_page);

  gtk_widget_class_install_action (widget_class, "targets.new-plan", NULL, new_plan_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_targets_page_init (SpTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plans = gtk_single_selection_new (NULL);
  self->regions = gtk_no_selection_new (NULL);
  self->reps = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->section_stack, "notify::visible-child",
                           G_CALLBACK (update_breakdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plans, "notify::selected-item",
                           G_CALLBACK (selected_plan_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->plans_view, GTK_SELECTION_MODEL (self->plans));
  gtk_column_view_set_model (self->regions_view, GTK_SELECTION_MODEL (self->regions));
  gtk_column_view_set_model (self->reps_view, GTK_SELECTION_MODEL (self->reps));

  add_columns (self, self->plans_view, plan_columns, G_N_ELEMENTS (plan_columns));
  add_columns (self, self->regions_view, region_columns, G_N_ELEMENTS (region_columns));
  add_columns (self, self->reps_view, rep_columns, G_N_ELEMENTS (rep_columns));
}
