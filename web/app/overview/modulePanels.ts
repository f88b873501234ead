// Every module's own 360-degree panels register themselves when imported; one line per module.
import '../../modules/sales/DealsPanel';
import '../../modules/sales/orders/OrdersPanel';
import '../../modules/sales/orders/ProductsOwnedPanel';
import '../../modules/analytics/CustomerValuePanel';
