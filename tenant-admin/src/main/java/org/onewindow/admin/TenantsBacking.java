package org.onewindow.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The console's division page ({@code /admin/tenants.xhtml}): the tree of the administrator's scope,
 * loaded a level at a time, the selected division with its service points, and the forms to add a
 * division below it, add a service point, or rename it.
 */
@Named
@ViewScoped
public class TenantsBacking implements Serializable {

    private static final String LOADING = "loading";

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    private TreeNode<Object> root;
    private TreeNode<Object> selectedNode;
    private TenantNode selected;
    private List<ServicePointRow> points = List.of();

    private String query;
    private List<TenantNode> found;

    private String childCode;
    private String childName;
    private TenantLevel childLevel;

    private String pointName;
    private ServicePointKind pointKind;
    private String pointAddress;

    private String newName;

    private ServicePointRow pointToRename;
    private String pointNewName;

    public TreeNode<Object> getRoot() {
        if (root == null) {
            root = new DefaultTreeNode<>("root", null);
            Tenant home = tenants.home();
            TreeNode<Object> homeNode = node(TenantNode.of(home), root);
            homeNode.setExpanded(true);
            loadChildren(homeNode);
            select(homeNode);
        }
        return root;
    }

    public void onExpand(NodeExpandEvent event) {
        loadChildren(event.getTreeNode());
    }

    public void onSelect(NodeSelectEvent event) {
        select(event.getTreeNode());
    }

    /** Shows a division found by search (or any code of the scope) as the selected one. */
    public void show(String code) {
        try {
            selected = TenantNode.of(tenants.find(code));
            selectedNode = null;
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void search() {
        found = query == null || query.isBlank()
                ? null
                : tenants.search(query, 0, TenantService.MAX_PAGE).stream()
                        .map(TenantNode::of)
                        .toList();
    }

    public void addChild() {
        try {
            Tenant child = tenants.create(
                    childCode, selected.code(), childLevel == null ? null : childLevel.name(), childName);
            FacesMessages.info("admin.child.added", child.name(), child.code().value());
            if (selectedNode != null) {
                loadChildren(selectedNode);
                selectedNode.setExpanded(true);
            }
            childCode = null;
            childName = null;
            childLevel = null;
        } catch (DomainException e) {
            FacesMessages.error("console:child-code", e);
        }
    }

    public void addServicePoint() {
        try {
            servicePoints.create(selected.code(), pointName, pointKind, pointAddress);
            FacesMessages.info("admin.point.added", pointName);
            pointName = null;
            pointKind = null;
            pointAddress = null;
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error("console:point-name", e);
        }
    }

    public void rename() {
        try {
            Tenant renamed = tenants.rename(selected.code(), newName, selected.version());
            selected = TenantNode.of(renamed);
            if (selectedNode != null) {
                ((DefaultTreeNode<Object>) selectedNode).setData(selected);
            }
            FacesMessages.info("admin.renamed", renamed.name());
        } catch (DomainException e) {
            FacesMessages.error("console:new-name", e);
        }
    }

    public void startPointRename(ServicePointRow point) {
        pointToRename = point;
        pointNewName = point.name();
    }

    public void renamePoint() {
        try {
            servicePoints.rename(pointToRename.id(), pointNewName, pointToRename.version());
            FacesMessages.info("admin.renamed", pointNewName);
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error("console:point-new-name", e);
        }
    }

    /** The levels a division below the selected one may have. */
    public List<TenantLevel> getChildLevels() {
        if (selected == null) {
            return List.of();
        }
        TenantLevel parent = TenantLevel.valueOf(selected.level());
        return java.util.Arrays.stream(TenantLevel.values())
                .filter(l -> l.mayHaveParent(parent))
                .toList();
    }

    public ServicePointKind[] getPointKinds() {
        return ServicePointKind.values();
    }

    private void select(TreeNode<Object> node) {
        if (selectedNode != null) {
            selectedNode.setSelected(false);
        }
        selectedNode = node;
        node.setSelected(true);
        selected = (TenantNode) node.getData();
        refreshDetail();
    }

    private void refreshDetail() {
        newName = selected.name();
        points = servicePoints.servicePoints(selected.code()).stream()
                .map(p -> ServicePointRow.of(p, servicePoints.windows(p.id()).size()))
                .toList();
    }

    private void loadChildren(TreeNode<Object> parent) {
        parent.getChildren().clear();
        TenantNode data = (TenantNode) parent.getData();
        List<Tenant> children = tenants.children(data.code());
        Set<String> expandable = tenants.withChildren(
                children.stream().map(t -> t.code().value()).toList());
        for (Tenant child : children) {
            TreeNode<Object> childNode = node(TenantNode.of(child), parent);
            if (expandable.contains(child.code().value())) {
                // A placeholder, so the tree offers to expand; the real children load on expand.
                new DefaultTreeNode<>(LOADING, childNode);
            }
        }
    }

    private static TreeNode<Object> node(TenantNode data, TreeNode<Object> parent) {
        return new DefaultTreeNode<>(data.leaf() ? "leaf" : "division", data, parent);
    }

    public TreeNode<Object> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<Object> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public TenantNode getSelected() {
        return selected;
    }

    public List<ServicePointRow> getPoints() {
        return points;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<TenantNode> getFound() {
        return found;
    }

    public String getChildCode() {
        return childCode;
    }

    public void setChildCode(String childCode) {
        this.childCode = childCode;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public TenantLevel getChildLevel() {
        return childLevel;
    }

    public void setChildLevel(TenantLevel childLevel) {
        this.childLevel = childLevel;
    }

    public String getPointName() {
        return pointName;
    }

    public void setPointName(String pointName) {
        this.pointName = pointName;
    }

    public ServicePointKind getPointKind() {
        return pointKind;
    }

    public void setPointKind(ServicePointKind pointKind) {
        this.pointKind = pointKind;
    }

    public String getPointAddress() {
        return pointAddress;
    }

    public void setPointAddress(String pointAddress) {
        this.pointAddress = pointAddress;
    }

    public ServicePointRow getPointToRename() {
        return pointToRename;
    }

    public String getPointNewName() {
        return pointNewName;
    }

    public void setPointNewName(String pointNewName) {
        this.pointNewName = pointNewName;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
