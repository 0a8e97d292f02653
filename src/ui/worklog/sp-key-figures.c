/* sp-key-figures.c — a row of key-figure tiles that becomes two by two, then one a row,
 * when the width runs out
 *
 * Amounts are never cut: the number of columns is the largest of 4, 2 or 1 at which every
 * tile gets its natural width. (A GtkFlowBox would also pick 3, leaving one tile alone.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-key-figures"

#include "config.h"

#include "sp-key-figures.h"

#define SPACING 12

struct _SpKeyFigures
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SpKeyFigures, sp_key_figures, GTK_TYPE_WIDGET)

static guint
count_children (SpKeyFigures *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_should_layout (child))
        n++;
    }

  return n;
}

static void
measure_children_width (SpKeyFigures *self,
                        int          *min,
                        int          *nat)
{
  *min = *nat = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat,
                          NULL, NULL);
      *min = MAX (*min, child_min);
      *nat = MAX (*nat, child_nat);
    }
}

static guint
columns_for_width (SpKeyFigures *self,
                   int           width)
{
  guint n = count_children (self);
  int min, nat;

  if (n == 0)
    return 1;

  measure_children_width (self, &min, &nat);
  if (width < 0 || (int) n * nat + ((int) n - 1) * SPACING <= width)
    return n;
  if (n > 2 && 2 * nat + SPACING <= width)
    return 2;
  return 1;
}

static int
row_height (SpKeyFigures *self,
            int           child_width)
{
  int height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &child_min, NULL,
                          NULL, NULL);
      height = MAX (height, child_min);
    }

  return height;
}

static GtkSizeRequestMode
sp_key_figures_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sp_key_figures_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SpKeyFigures *self = SP_KEY_FIGURES (widget);
  guint n = count_children (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min, nat;

      measure_children_width (self, &min, &nat);
      *minimum = min;
      *natural = n > 0 ? (int) n * nat + ((int) n - 1) * SPACING : 0;
    }
  else
    {
      int columns = (int) columns_for_width (self, for_size);
      int rows = n > 0 ? ((int) n + columns - 1) / columns : 0;
      int child_width = for_size < 0 ? -1 : (for_size - (columns - 1) * SPACING) / columns;

      *minimum = *natural = rows > 0 ? rows * row_height (self, child_width) + (rows - 1) * SPACING
                                     : 0;
    }
}

static void
sp_key_figures_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SpKeyFigures *self = SP_KEY_FIGURES (widget);
  guint columns = columns_for_width (self, width);
  int child_width = (width - ((int) columns - 1) * SPACING) / (int) columns;
  int child_height = row_height (self, child_width);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;

      if (!gtk_widget_should_layout (child))
        continue;

      allocation.x = (int) (i % columns) * (child_width + SPACING);
      allocation.y = (int) (i / columns) * (child_height + SPACING);
      allocation.width = child_width;
      allocation.height = child_height;
      gtk_widget_size_allocate (child, &allocation, -1);
      i++;
    }
}

static void
sp_key_figures_dispose (GObject *object)
{
  sp_key_figures_remove_all (SP_KEY_FIGURES (object));

  G_OBJECT_CLASS (sp_key_figures_parent_class)->dispose (object);
}

static void
sp_key_figures_class_init (SpKeyFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_key_figures_dispose;
  widget_class->get_request_mode = sp_key_figures_get_request_mode;
  widget_class->measure = sp_key_figures_measure;
  widget_class->size_allocate = sp_key_figures_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "keyfigures");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_key_figures_init (SpKeyFigures *self)
{
}

GtkWidget *
sp_key_figures_new (void)
{
  return g_object_new (SP_TYPE_KEY_FIGURES, NULL);
}

void
sp_key_figures_append (SpKeyFigures *self,
                       GtkWidget    *child)
{
  g_return_if_fail (SP_IS_KEY_FIGURES (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
sp_key_figures_remove_all (SpKeyFigures *self)
{
  GtkWidget *child;

  g_return_if_fail (SP_IS_KEY_FIGURES (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}
