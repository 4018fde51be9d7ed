/**
 * ECharts as the app uses it: only the bar chart, its grid, tooltip and legend, drawn as SVG (sharp
 * when printed or zoomed). Loaded with `import()` by `EChart`, so echarts is never in the first
 * route's bundle.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
