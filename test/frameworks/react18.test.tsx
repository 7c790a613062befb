import { describeReactWrapper } from './react-suite.js';

describeReactWrapper('18');
