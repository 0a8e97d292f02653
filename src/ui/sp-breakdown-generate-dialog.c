/* sp-breakdown-generate-dialog.c — "Break Down the Target": weight sources and history years,
 * then one undoable SpBreakdown generate
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

struct _SpBreakdownGenerateDialog
{
  AdwMessageDialog  parent_instance;

  SpPreferences    *preferences;
  SpBreakdown      *breakdown;
  GtkWidget        *parent_widget;   /* for the toast; not a reference */
  GtkCheckButton   *years[N_YEARS];

  AdwComboRow      *time_row;
  AdwComboRow      *region_row;
  AdwComboRow      *rep_row;
  GtkBox           *years_box;
};

G_DEFINE_FINAL_TYPE (SpBreakdownGenerateDialog, sp_breakdown_generate_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

/* In the order of the rows' items. */
static const SpWeightSource time_sources[] = {
  SP_WEIGHT_SOURCE_WORKING_DAYS, SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_EQUAL,
};
static const SpWeightSource region_sources[] = {
  SP_WEIGHT_SOURCE_HISTORY, SP_WEIGHT_SOURCE_HEADCOUNT, SP_WEIGHT_SOURCE_EQUAL,
};
static const SpWeightSource rep_sources[] = {
  SP_WEIGHT_SOURCE_EQUAL, SP_WEIGHT_SOURCE_HISTORY,
};

static SpWeightSource
chosen (AdwComboRow          *row,
        const SpWeightSource *sources,
        guint                 n_sources)
{
  guint selected = adw_combo_row_get_selected (row);

  return sources[selected < n_sources ? selected : 0];
}

void
sp_breakdown_generate_dialog_get_options (SpBreakdownGenerateDialog *self,
                                          SpBreakdownOptions        *options,
                                          int                       *basis_years)
{
  int fiscal_year = sp_breakdown_get_fiscal_year (self->breakdown);

  g_return_if_fail (SP_IS_BREAKDOWN_GENERATE_DIALOG (self));

  sp_breakdown_options_init (options);
  options->time_source = chosen (self->time_row, time_sources, G_N_ELEMENTS (time_sources));
  options->member_sources[SP_BREAKDOWN_DIMENSION_REGION] =
    chosen (self->region_row, region_sources, G_N_ELEMENTS (region_sources));
  options->member_sources[SP_BREAKDOWN_DIMENSION_REP] =
    chosen (self->rep_row, rep_sources, G_N_ELEMENTS (rep_sources));

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
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownGenerateDialog, years_box);
}

static void
sp_breakdown_generate_dialog_init (SpBreakdownGenerateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
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
