// fc-relink: registers <fc-relink> and exports everything fc-relink/element does.
import './define.js';

export * from './element.js';
