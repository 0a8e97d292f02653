/* sp-chart-view.c — one thin widget for every chart: the adapter's layout kept until a
 * resize, a palette change or new data, a cached render node of it, hit tests and tooltips
 * on that layout, accessible summary, table (SpChartRow), export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-view"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "sp-chart-view.h"

struct _SpChartView
{
  GtkWidget             parent_instance;

  const SpChartAdapter *adapter;
  gpointer              data;
  GDestroyNotify        destroy;
  char                 *title;

  GtkWidget            *menu_button;
  int                   natural_width;
  GtkWidget            *watched_root;

  /* The layout and its render, and what they were made for. */
  gpointer              layout;
  int                   layout_width, layout_height;
  SpChartPaletteKind    layout_palette;
  GskRenderNode        *node;
};

G_DEFINE_FINAL_TYPE (SpChartView, sp_chart_view, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_layout (SpChartView *self)
{
  if (self->layout != NULL)
    self->adapter->layout_free (self->layout);
  self->layout = NULL;
  g_clear_pointer (&self->node, gsk_render_node_unref);
}

static void
invalidate (SpChartView *self)
{
  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SpChartPaletteKind
sp_chart_view_get_palette (SpChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkRoot *root;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), SP_CHART_PALETTE_LIGHT);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "presentation"))
    return SP_CHART_PALETTE_PROJECTOR;
  if (adw_style_manager_get_high_contrast (manager))
    return SP_CHART_PALETTE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return SP_CHART_PALETTE_DARK;
  return SP_CHART_PALETTE_LIGHT;
}

/* The layout at the widget's size and palette of the moment, made if need be; NULL when
 * there is nothing to lay out. */
static gconstpointer
ensure_layout (SpChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  SpChartPaletteKind palette = sp_chart_view_get_palette (self);
  SpChartStyle style;

  if (self->adapter == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->layout != NULL && self->layout_width == width && self->layout_height == height
      && self->layout_palette == palette)
    return self->layout;

  clear_layout (self);
  sp_chart_style_init (&style, palette);
  self->layout = self->adapter->layout (self->data, &style, width, height);
  self->layout_width = width;
  self->layout_height = height;
  self->layout_palette = palette;
  return self->layout;
}

static void
sp_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SpChartView *self = SP_CHART_VIEW (widget);
  gconstpointer layout = ensure_layout (self);

  if (layout == NULL)
    return;

  if (self->node == NULL)
    {
      GtkSnapshot *cache = gtk_snapshot_new ();
      SpChartStyle style;
      cairo_t *cr;

      sp_chart_style_init (&style, self->layout_palette);
      cr = gtk_snapshot_append_cairo (cache, &GRAPHENE_RECT_INIT (0, 0, self->layout_width,
                                                                  self->layout_height));
      self->adapter->paint (layout, cr, &style);
      cairo_destroy (cr);
      self->node = gtk_snapshot_free_to_node (cache);
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
  if (self->menu_button != NULL && gtk_widget_get_visible (self->menu_button))
    gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

static void
sp_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SpChartView *self = SP_CHART_VIEW (widget);
  int child_min = 0, child_nat = 0;

  if (gtk_widget_get_visible (self->menu_button))
    gtk_widget_measure (self->menu_button, orientation, -1, &child_min, &child_nat, NULL, NULL);
  *minimum = child_min;
  *natural = MAX (child_nat, orientation == GTK_ORIENTATION_HORIZONTAL ? self->natural_width : 200);
}

static void
sp_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SpChartView *self = SP_CHART_VIEW (widget);
  GtkRequisition size;

  if (!gtk_widget_get_visible (self->menu_button))
    return;
  gtk_widget_get_preferred_size (self->menu_button, NULL, &size);
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { MAX (0, width - size.width - 4), 4,
                                               size.width, size.height }, -1);
}

int
sp_chart_view_hit_test (SpChartView *self,
                        double       x,
                        double       y)
{
  gconstpointer layout;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), -1);

  /* The layout painted last (or the one it will be): no layout per pointer motion. */
  layout = ensure_layout (self);
  if (layout == NULL || self->adapter->hit_test == NULL)
    return -1;
  return self->adapter->hit_test (layout, x, y);
}

char *
sp_chart_view_get_tooltip_at (SpChartView *self,
                              double       x,
                              double       y)
{
  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);

  if (self->adapter == NULL || self->adapter->item_text == NULL)
    return NULL;
  return self->adapter->item_text (self->data, sp_chart_view_hit_test (self, x, y));
}

static gboolean
query_tooltip_cb (SpChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    text = self->adapter && self->adapter->item_text
           ? self->adapter->item_text (self->data, -1) : NULL;
  else
    text = sp_chart_view_get_tooltip_at (self, x, y);
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
sp_chart_view_dup_summary (SpChartView *self)
{
  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);

  if (self->adapter == NULL || self->adapter->summary == NULL)
    return g_strdup ("");
  return self->adapter->summary (self->data);
}

static void
update_accessible (SpChartView *self)
{
  g_autofree char *summary = sp_chart_view_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

void
sp_chart_view_set_chart (SpChartView          *self,
                         const SpChartAdapter *adapter,
                         gpointer              data,
                         GDestroyNotify        destroy)
{
  g_return_if_fail (SP_IS_CHART_VIEW (self));

  clear_layout (self);
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  self->adapter = adapter;
  self->data = data;
  self->destroy = destroy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table",
                                 adapter != NULL && adapter->n_columns != NULL);
  update_accessible (self);
  invalidate (self);
}

gconstpointer
sp_chart_view_get_data (SpChartView *self)
{
  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
sp_chart_view_set_title (SpChartView *self,
                         const char  *title)
{
  g_return_if_fail (SP_IS_CHART_VIEW (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

const char *
sp_chart_view_get_title (SpChartView *self)
{
  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);
  return self->title;
}

void
sp_chart_view_set_natural_width (SpChartView *self,
                                 int          width)
{
  g_return_if_fail (SP_IS_CHART_VIEW (self));

  self->natural_width = MAX (width, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sp_chart_view_set_menu_visible (SpChartView *self,
                                gboolean     visible)
{
  g_return_if_fail (SP_IS_CHART_VIEW (self));
  gtk_widget_set_visible (self->menu_button, visible);
}

/* Export and print use the light palette: paper and files are white. */
static void
draw_light (SpChartView *self,
            cairo_t     *cr,
            double       width,
            double       height)
{
  SpChartStyle style;
  gpointer layout;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  layout = self->adapter->layout (self->data, &style, width, height);
  self->adapter->paint (layout, cr, &style);
  self->adapter->layout_free (layout);
}

gboolean
sp_chart_view_export (SpChartView          *self,
                      const char           *path,
                      SpChartExportFormat   format,
                      double                width,
                      double                height,
                      GError              **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->adapter == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export"));
      return FALSE;
    }

  switch (format)
    {
    case SP_CHART_EXPORT_PNG:
      /* Twice the pixels, for slides and documents. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 2),
                                            (int) (height * 2));
      cairo_surface_set_device_scale (surface, 2.0, 2.0);
      break;
    case SP_CHART_EXPORT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case SP_CHART_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    }

  cr = cairo_create (surface);
  draw_light (self, cr, width, height);
  cairo_destroy (cr);
  if (format == SP_CHART_EXPORT_PNG && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS && format == SP_CHART_EXPORT_PNG)
    status = g_file_test (path, G_FILE_TEST_EXISTS) ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then the reason */
                   _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The table */

GListModel *
sp_chart_view_dup_rows (SpChartView *self)
{
  GListStore *rows = g_list_store_new (SP_TYPE_CHART_ROW);
  guint n_columns, n_rows;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);

  if (self->adapter == NULL || self->adapter->n_columns == NULL)
    return G_LIST_MODEL (rows);
  n_columns = self->adapter->n_columns (self->data);
  n_rows = self->adapter->n_rows (self->data);
  for (guint r = 0; r < n_rows; r++)
    {
      GStrv cells = g_new0 (char *, n_columns + 1);
      g_autoptr(SpChartRow) row = NULL;

      for (guint c = 0; c < n_columns; c++)
        {
          char *cell = self->adapter->cell_text (self->data, r, c);

          cells[c] = cell != NULL ? cell : g_strdup ("");
        }
      row = sp_chart_row_new (cells);
      g_list_store_append (rows, row);
    }
  return G_LIST_MODEL (rows);
}

static void
table_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == NULL ? 0.0f : 1.0f);
  if (column != NULL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
table_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  SpChartRow *row = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       sp_chart_row_get_cell (row, GPOINTER_TO_UINT (column)));
}

GtkWindow *
sp_chart_view_show_table (SpChartView *self)
{
  GtkWidget *window, *box, *header, *scrolled, *view;
  GtkEventController *shortcuts;
  GtkRoot *root;
  guint n_columns;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), NULL);

  if (self->adapter == NULL || self->adapter->n_columns == NULL)
    return NULL;

  n_columns = self->adapter->n_columns (self->data);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                sp_chart_view_dup_rows (self))));
  gtk_widget_add_css_class (view, "data-table");
  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = self->adapter->column_title (self->data, c);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      /* The column's index is its callbacks' data. */
      g_signal_connect (factory, "setup", G_CALLBACK (table_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (table_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (self->title ? self->title : _("Chart"),
                                                         _("Data")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);

  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), box);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_title (GTK_WINDOW (window), self->title ? self->title : _("Chart"));
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sp_chart_view_show_table (SP_CHART_VIEW (widget));
}

/* Export */

typedef struct
{
  SpChartView         *self;
  SpChartExportFormat  format;
  double               width, height;
} ExportJob;

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL
          && !sp_chart_view_export (job->self, path, job->format, job->width, job->height, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (job->self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Export Failed"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (job->self);
  g_free (job);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };
  SpChartView *self = SP_CHART_VIEW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->self = g_object_ref (self);
  job->format = g_str_equal (kind, "png") ? SP_CHART_EXPORT_PNG
                : g_str_equal (kind, "svg") ? SP_CHART_EXPORT_SVG : SP_CHART_EXPORT_PDF;
  job->width = MAX (gtk_widget_get_width (widget), 480);
  job->height = MAX (gtk_widget_get_height (widget), 320);

  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s.%s", self->title ? self->title
                                   : self->adapter ? self->adapter->name : "chart",
                          extensions[job->format]);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_add_suffix (filter, extensions[job->format]);
  gtk_file_filter_set_name (filter, job->format == SP_CHART_EXPORT_PNG ? _("PNG image")
                                    : job->format == SP_CHART_EXPORT_SVG ? _("SVG image")
                                    : _("PDF document"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Print */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SpChartView       *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double aspect = (double) MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1)
                  / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  draw_light (self, cr, width, MIN (height, width * aspect));
}

/* One page: the chart across the printable width, as tall as it is on screen (relative to
 * its width), in the light palette. */
static GtkPrintOperation *
print_operation_new (SpChartView *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, self->title ? self->title : _("Chart"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  return operation;
}

gboolean
sp_chart_view_print_to_file (SpChartView  *self,
                             const char   *path,
                             GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SP_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->adapter == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Nothing to print"));
      return FALSE;
    }
  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpChartView *self = SP_CHART_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->adapter == NULL)
    return;
  operation = print_operation_new (self);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (error != NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 _("Could not print the chart"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SpChartView     *self)
{
  int item = sp_chart_view_hit_test (self, x, y);

  if (item >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* Style changes */

static void
style_changed_cb (SpChartView *self)
{
  invalidate (self);
}

static void
sp_chart_view_root (GtkWidget *widget)
{
  SpChartView *self = SP_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (sp_chart_view_parent_class)->root (widget);
  self->watched_root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_signal_connect_object (self->watched_root, "notify::css-classes",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
sp_chart_view_unroot (GtkWidget *widget)
{
  SpChartView *self = SP_CHART_VIEW (widget);

  if (self->watched_root != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_root, style_changed_cb, self);
  self->watched_root = NULL;
  GTK_WIDGET_CLASS (sp_chart_view_parent_class)->unroot (widget);
}

static void
sp_chart_view_dispose (GObject *object)
{
  SpChartView *self = SP_CHART_VIEW (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  sp_chart_view_set_chart (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (sp_chart_view_parent_class)->dispose (object);
}

static void
sp_chart_view_finalize (GObject *object)
{
  SpChartView *self = SP_CHART_VIEW (object);

  g_free (self->title);
  G_OBJECT_CLASS (sp_chart_view_parent_class)->finalize (object);
}

static void
sp_chart_view_class_init (SpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_chart_view_dispose;
  object_class->finalize = sp_chart_view_finalize;
  widget_class->snapshot = sp_chart_view_snapshot;
  widget_class->measure = sp_chart_view_measure;
  widget_class->size_allocate = sp_chart_view_size_allocate;
  widget_class->root = sp_chart_view_root;
  widget_class->unroot = sp_chart_view_unroot;

  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.show-table", NULL, show_table_action);
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
  gtk_widget_class_set_css_name (widget_class, "sp-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_chart_view_init (SpChartView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkGesture *click;

  self->natural_width = 320;
  g_menu_append (menu, _("Show as _Table"), "chart.show-table");
  g_menu_append (export, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append (menu, _("_Print…"), "chart.print");

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, _("Chart Menu"));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_add_css_class (self->menu_button, "sp-chart-menu");
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table", FALSE);
}

GtkWidget *
sp_chart_view_new (void)
{
  return g_object_new (SP_TYPE_CHART_VIEW, NULL);
}
