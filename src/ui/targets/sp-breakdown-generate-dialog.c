/* sp-breakdown-generate-dialog.c — "Break Down the Target": weight sources (custom ones typed
 * per month or member, with the shares they make) and history years, then one undoable
 * SpBreakdown generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-generate-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-breakdown-edit.h"
#include "sp-breakdown-generate-dialog.h"
#include "sp-display.h"

#define N_YEARS 3
#define N_MONTHS 12
#define DEFAULT_WEIGHT 100
#define MAX_WEIGHT 1000000

/* One child's custom weight: a fiscal month (the team's row) or a member. */
typedef struct
{
  gint64     key;      /* month 0–11, or the member's id */
  gint64     weight;
  GtkWidget *spin;
  GtkWidget *share;
  SpBreakdownGenerateDialog *dialog;
} Weight;

struct _SpBreakdownGenerateDialog
{
  AdwMessageDialog  parent_instance;

  SpPreferences    *preferences;
  SpBreakdown      *breakdown;
  GtkWidget        *parent_widget;   /* for the toast; not a reference */
  GtkCheckButton   *years[N_YEARS];
  /* Per dimension (TEAM: the months), built when Custom is first chosen. */
  AdwComboRow      *rows[SP_BREAKDOWN_N_DIMENSIONS];
  GtkWidget        *groups[SP_BREAKDOWN_N_DIMENSIONS];
  GArray           *weights[SP_BREAKDOWN_N_DIMENSIONS];
  /* What the options point into. */
  gint64            time_custom[N_MONTHS];
  GArray           *custom;          /* SpBreakdownWeight */

  AdwComboRow      *time_row;
  AdwComboRow      *region_row;
  AdwComboRow      *rep_row;
  AdwComboRow      *product_row;
  AdwComboRow      *type_row;
  GtkScrolledWindow *custom_scroller;
  GtkBox           *custom_box;
  GtkBox           *years_box;
};

G_DEFINE_FINAL_TYPE (SpBreakdownGenerateDialog, sp_breakdown_generate_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

/* In the order of the rows' items, per dimension (TEAM: the months). */
static const SpWeightSource time_sources[] = {
  SP_WEIGHT_SOURCE_WORKING_DAYS, SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_EQUAL,
  SP_WEIGHT_SOURCE_CUSTOM,
};
static const SpWeightSource region_sources[] = {
  SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_HEADCOUNT, SP_WEIGHT_SOURCE_EQUAL,
  SP_WEIGHT_SOURCE_CUSTOM,
};
static const SpWeightSource rep_sources[] = {
  SP_WEIGHT_SOURCE_EQUAL, SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_CUSTOM,
};
static const SpWeightSource other_sources[] = {
  SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_EQUAL, SP_WEIGHT_SOURCE_CUSTOM,
};

static const struct
{
  const SpWeightSource *sources;
  guint                 n_sources;
  const char           *heading;
} dimension_info[SP_BREAKDOWN_N_DIMENSIONS] = {
  [SP_BREAKDOWN_DIMENSION_TEAM] = { time_sources, G_N_ELEMENTS (time_sources),
                                    N_("Custom weights of the months") },
  [SP_BREAKDOWN_DIMENSION_REGION] = { region_sources, G_N_ELEMENTS (region_sources),
                                      N_("Custom weights of the regions") },
  [SP_BREAKDOWN_DIMENSION_REP] = { rep_sources, G_N_ELEMENTS (rep_sources),
                                   N_("Custom weights of the reps") },
  [SP_BREAKDOWN_DIMENSION_PRODUCT] = { other_sources, G_N_ELEMENTS (other_sources),
                                       N_("Custom weights of the products") },
  [SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] = { other_sources, G_N_ELEMENTS (other_sources),
                                             N_("Custom weights of the customer types") },
};

static SpWeightSource
chosen (SpBreakdownGenerateDialog *self,
        SpBreakdownDimension       dimension)
{
  guint selected = adw_combo_row_get_selected (self->rows[dimension]);
  guint n_sources = dimension_info[dimension].n_sources;

  return dimension_info[dimension].sources[selected < n_sources ? selected : 0];
}

static gint64
weights_sum (GArray *weights)
{
  gint64 sum = 0;

  for (guint i = 0; weights != NULL && i < weights->len; i++)
    sum += g_array_index (weights, Weight, i).weight;
  return sum;
}

static void
update_shares (SpBreakdownGenerateDialog *self)
{
  gboolean can_generate = TRUE;

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      GArray *weights = self->weights[d];
      gint64 sum = weights_sum (weights);

      for (guint i = 0; weights != NULL && i < weights->len; i++)
        {
          Weight *weight = &g_array_index (weights, Weight, i);
          g_autofree char *text = NULL;

          if (sum > 0)
            {
              gint64 tenths = sp_money_scale (weight->weight, 1000, sum);

              /* Translators: a share in percent with one decimal, "8.3%" */
              text = g_strdup_printf (_("%lld.%d%%"), (long long) (tenths / 10),
                                      (int) (tenths % 10));
            }
          gtk_label_set_label (GTK_LABEL (weight->share), text ? text : "—");
        }
      if (chosen (self, d) == SP_WEIGHT_SOURCE_CUSTOM && sum <= 0)
        can_generate = FALSE;
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "generate", can_generate);
}

static void
weight_changed_cb (GtkSpinButton *spin,
                   Weight        *weight)
{
  weight->weight = (gint64) gtk_spin_button_get_value_as_int (spin);
  update_shares (weight->dialog);
}

static void
add_weight_row (SpBreakdownGenerateDialog *self,
                GtkListBox                *list,
                GArray                    *weights,
                gint64                     key,
                const char                *title,
                const char                *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *share = gtk_label_new (NULL);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_WEIGHT, 1);
  Weight weight = { key, DEFAULT_WEIGHT, spin, share };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_xalign (GTK_LABEL (share), 1.0f);
  gtk_label_set_width_chars (GTK_LABEL (share), 6);
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "dim-label");
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), DEFAULT_WEIGHT);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), share);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (list, row);
  g_array_append_val (weights, weight);
}

/* The months or the members, each with a weight and its share. */
static void
build_group (SpBreakdownGenerateDialog *self,
             SpBreakdownDimension       dimension)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_(dimension_info[dimension].heading));
  GtkWidget *list = gtk_list_box_new ();
  GArray *weights = g_array_new (FALSE, TRUE, sizeof (Weight));
  int fiscal_year = sp_breakdown_get_fiscal_year (self->breakdown);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (group), heading);
  gtk_box_append (GTK_BOX (group), list);

  if (dimension == SP_BREAKDOWN_DIMENSION_TEAM)
    for (guint m = 0; m < N_MONTHS; m++)
      {
        SpBreakdownCell cell = { .period = SP_BREAKDOWN_PERIOD_MONTH, .index = m };
        g_autofree char *name = NULL;

        cell.first_day = cell.period_start = sp_breakdown_get_month_first_day (self->breakdown, m);
        name = sp_breakdown_format_period (fiscal_year, &cell);
        add_weight_row (self, GTK_LIST_BOX (list), weights, m, name, NULL);
      }
  else
    {
      g_autoptr(GArray) members = sp_breakdown_list_members (self->breakdown, dimension, NULL);
      g_autoptr(GArray) regions = NULL;

      if (dimension == SP_BREAKDOWN_DIMENSION_REP)
        regions = sp_breakdown_list_members (self->breakdown, SP_BREAKDOWN_DIMENSION_REGION,
                                             NULL);
      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          const SpBreakdownMember *member = &g_array_index (members, SpBreakdownMember, i);
          const char *region = NULL;

          for (guint r = 0; regions != NULL && r < regions->len; r++)
            if (g_array_index (regions, SpBreakdownMember, r).id == member->parent_id)
              region = g_array_index (regions, SpBreakdownMember, r).name;
          add_weight_row (self, GTK_LIST_BOX (list), weights, member->id, member->name, region);
        }
    }

  /* The Weight moves when its array grows: only now that the array is complete do the spin
   * buttons point into it. The array lives as long as the dialog, the spin buttons too. */
  for (guint i = 0; i < weights->len; i++)
    {
      Weight *weight = &g_array_index (weights, Weight, i);

      weight->dialog = self;
      g_signal_connect (weight->spin, "value-changed", G_CALLBACK (weight_changed_cb), weight);
    }

  self->weights[dimension] = weights;
  self->groups[dimension] = group;
  gtk_box_append (self->custom_box, group);
}

static void
source_selected_cb (SpBreakdownGenerateDialog *self)
{
  gboolean any = FALSE;

  if (self->breakdown == NULL)
    return;

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      gboolean custom = chosen (self, d) == SP_WEIGHT_SOURCE_CUSTOM;

      if (custom && self->groups[d] == NULL)
        build_group (self, d);
      if (self->groups[d] != NULL)
        gtk_widget_set_visible (self->groups[d], custom);
      any = any || custom;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->custom_scroller), any);
  update_shares (self);
}

gboolean
sp_breakdown_generate_dialog_set_source (SpBreakdownGenerateDialog *self,
                                         SpBreakdownDimension       dimension,
                                         SpWeightSource             source)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self), FALSE);
  g_return_val_if_fail (dimension < SP_BREAKDOWN_N_DIMENSIONS, FALSE);

  for (guint i = 0; i < dimension_info[dimension].n_sources; i++)
    if (dimension_info[dimension].sources[i] == source)
      {
        adw_combo_row_set_selected (self->rows[dimension], i);
        return TRUE;
      }

  return FALSE;
}

static Weight *
find_weight (SpBreakdownGenerateDialog *self,
             SpBreakdownDimension       dimension,
             gint64                     key)
{
  GArray *weights = dimension < SP_BREAKDOWN_N_DIMENSIONS ? self->weights[dimension] : NULL;

  for (guint i = 0; weights != NULL && i < weights->len; i++)
    if (g_array_index (weights, Weight, i).key == key)
      return &g_array_index (weights, Weight, i);

  return NULL;
}

GtkWidget *
sp_breakdown_generate_dialog_get_weight (SpBreakdownGenerateDialog *self,
                                         SpBreakdownDimension       dimension,
                                         gint64                     key)
{
  Weight *weight;

  g_return_val_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self), NULL);

  weight = find_weight (self, dimension, key);
  return weight ? weight->spin : NULL;
}

const char *
sp_breakdown_generate_dialog_get_share (SpBreakdownGenerateDialog *self,
                                        SpBreakdownDimension       dimension,
                                        gint64                     key)
{
  Weight *weight;

  g_return_val_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self), NULL);

  weight = find_weight (self, dimension, key);
  return weight ? gtk_label_get_label (GTK_LABEL (weight->share)) : NULL;
}

void
sp_breakdown_generate_dialog_get_options (SpBreakdownGenerateDialog *self,
                                          SpBreakdownOptions        *options,
                                          int                       *basis_years)
{
  int fiscal_year = sp_breakdown_get_fiscal_year (self->breakdown);

  g_return_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self));

  sp_breakdown_options_init (options);
  options->time_source = chosen (self, SP_BREAKDOWN_DIMENSION_TEAM);
  if (options->time_source == SP_WEIGHT_SOURCE_CUSTOM)
    {
      for (guint m = 0; m < N_MONTHS; m++)
        {
          Weight *weight = find_weight (self, SP_BREAKDOWN_DIMENSION_TEAM, m);

          self->time_custom[m] = weight ? weight->weight : DEFAULT_WEIGHT;
        }
      options->time_custom = self->time_custom;
    }

  g_array_set_size (self->custom, 0);
  for (guint d = SP_BREAKDOWN_DIMENSION_REGION; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      GArray *weights = self->weights[d];

      options->member_sources[d] = chosen (self, d);
      if (options->member_sources[d] != SP_WEIGHT_SOURCE_CUSTOM)
        continue;
      for (guint i = 0; weights != NULL && i < weights->len; i++)
        {
          const Weight *weight = &g_array_index (weights, Weight, i);
          SpBreakdownWeight custom = { d, weight->key, weight->weight };

          g_array_append_val (self->custom, custom);
        }
    }
  options->custom = (const SpBreakdownWeight *) (gpointer) self->custom->data;
  options->n_custom = self->custom->len;

  options->n_basis_years = 0;
  for (guint i = 0; i < N_YEARS; i++)
    if (gtk_check_button_get_active (self->years[i]))
      basis_years[options->n_basis_years++] = fiscal_year - 1 - (int) i;
  options->basis_years = options->n_basis_years ? basis_years : NULL;
}

gboolean
sp_breakdown_generate_dialog_generate (SpBreakdownGenerateDialog  *self,
                                       GError                    **error)
{
  SpBreakdownOptions options;
  int basis_years[N_YEARS];
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self), FALSE);

  sp_breakdown_generate_dialog_get_options (self, &options, basis_years);
  if (sp_breakdown_generate (self->breakdown, &options, &local_error))
    return TRUE;

  if (self->parent_widget != NULL)
    sp_breakdown_toast (self->parent_widget, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
response_cb (SpBreakdownGenerateDialog *self,
             const char                *response)
{
  if (g_strcmp0 (response, "generate") == 0)
    sp_breakdown_generate_dialog_generate (self, NULL);
}

static void
parent_destroyed_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  SpBreakdownGenerateDialog *self = data;

  self->parent_widget = NULL;
}

static void
sp_breakdown_generate_dialog_dispose (GObject *object)
{
  SpBreakdownGenerateDialog *self = SP_BREAKDOWN_GENERATE_DIALOG (object);

  if (self->parent_widget != NULL)
    g_object_weak_unref (G_OBJECT (self->parent_widget), parent_destroyed_cb, self);
  self->parent_widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BREAKDOWN_GENERATE_DIALOG);
  g_clear_object (&self->preferences);
  g_clear_object (&self->breakdown);
  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      self->groups[d] = NULL;
      g_clear_pointer (&self->weights[d], g_array_unref);
    }
  g_clear_pointer (&self->custom, g_array_unref);

  G_OBJECT_CLASS (sp_breakdown_generate_dialog_parent_class)->dispose (object);
}

static void
sp_breakdown_generate_dialog_class_init (SpBreakdownGenerateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_breakdown_generate_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-breakdown-generate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, rep_row);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog,
                                        custom_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, custom_box);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, years_box);
}

static void
sp_breakdown_generate_dialog_init (SpBreakdownGenerateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  self->custom = g_array_new (FALSE, TRUE, sizeof (SpBreakdownWeight));
  self->rows[SP_BREAKDOWN_DIMENSION_TEAM] = self->time_row;
  self->rows[SP_BREAKDOWN_DIMENSION_REGION] = self->region_row;
  self->rows[SP_BREAKDOWN_DIMENSION_REP] = self->rep_row;
  self->rows[SP_BREAKDOWN_DIMENSION_PRODUCT] = self->product_row;
  self->rows[SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] = self->type_row;
  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    g_signal_connect_object (self->rows[d], "notify::selected",
                             G_CALLBACK (source_selected_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_breakdown_generate_dialog_new (GtkWindow     *parent,
                                  SpPreferences *preferences,
                                  SpBreakdown   *breakdown)
{
  SpBreakdownGenerateDialog *self;
  int fiscal_year;

  g_return_val_if_fail (SP_IS_BREAKDOWN (breakdown), NULL);

  self = g_object_new (SP_TYPE_BREAKDOWN_GENERATE_DIALOG, "transient-for", parent,
                       "modal", TRUE, NULL);
  self->preferences = preferences ? g_object_ref (preferences) : NULL;
  self->breakdown = g_object_ref (breakdown);

  fiscal_year = sp_breakdown_get_fiscal_year (breakdown);
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_autofree char *year = sp_display_fiscal_year (fiscal_year - 1 - (int) i);

      self->years[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (year));
      gtk_check_button_set_active (self->years[i], i == 0);
      gtk_box_append (self->years_box, GTK_WIDGET (self->years[i]));
    }

  return GTK_WIDGET (self);
}

void
sp_breakdown_generate_dialog_present (GtkWidget     *widget,
                                      SpPreferences *preferences,
                                      SpBreakdown   *breakdown)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = sp_breakdown_generate_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             preferences, breakdown);
  SP_BREAKDOWN_GENERATE_DIALOG (dialog)->parent_widget = widget;
  g_object_weak_ref (G_OBJECT (widget), parent_destroyed_cb, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
